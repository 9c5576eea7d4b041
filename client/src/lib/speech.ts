// Reads a prompt aloud with the browser's speech synthesis, in a Chinese or an English voice.

const langTag = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** The browser's voice for a language (zh-CN, zh-TW… for zh; any English for en), if it has one. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: 'zh' | 'en'): SpeechSynthesisVoice | undefined {
  const prefix = langTag(lang).slice(0, 2);
  return voices.find((v) => v.lang.replace('_', '-').toLowerCase().startsWith(prefix));
}

/** The voices the browser has now (an empty list until it has loaded them, or when it has none). */
export function browserVoices(): SpeechSynthesisVoice[] {
  if (typeof speechSynthesis === 'undefined') return [];
  return speechSynthesis.getVoices();
}

export function speak(text: string, lang: 'zh' | 'en'): boolean {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return false;
  const utterance = new SpeechSynthesisUtterance(text.replace(/_{2,}/g, lang === 'zh' ? '什么' : 'blank'));
  utterance.lang = langTag(lang);
  const voice = voiceFor(speechSynthesis.getVoices(), lang);
  if (voice) utterance.voice = voice;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
  return true;
}
