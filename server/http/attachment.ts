// Headers for a file to download. The name may hold any script (a source's Chinese title): an
// ASCII fallback in filename, the UTF-8 name in filename* (RFC 6266), which browsers prefer.
/** Percent-encoding for filename*: encodeURIComponent leaves ' ( ) * as they are, which RFC 5987 does not allow. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachment(mediaType: string, fileName: string): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'content-type': mediaType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`,
    'cache-control': 'no-store',
  };
}
