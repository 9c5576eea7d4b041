import { describe, expect, it } from 'vitest';
import { attachment } from '../../server/http/attachment.ts';

describe('attachment', () => {
  it.each([
    ['duizhao-terms.tbx', 'attachment; filename="duizhao-terms.tbx"; filename*=UTF-8\'\'duizhao-terms.tbx'],
    ['网络治理.tmx', "attachment; filename=\"____.tmx\"; filename*=UTF-8''%E7%BD%91%E7%BB%9C%E6%B2%BB%E7%90%86.tmx"],
    ['it\'s "(x)*".csv', 'attachment; filename="it\'s _(x)*_.csv"; filename*=UTF-8\'\'it%27s%20%22%28x%29%2A%22.csv'],
  ])('names %s for every browser, in its own script where it can', (name, header) => {
    expect(attachment('text/plain', name)['content-disposition']).toBe(header);
  });
});
