// Reads a prompt aloud with the browser's speech synthesis, in a Chinese or an English voice.
export function speak(text: string, lang: 'zh' | 'en'): boolean {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return false;
  const utterance = new SpeechSynthesisUtterance(text.replace(/_{2,}/g, lang === 'zh' ? '什么' : 'blank'));
  utterance.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
  const voice = speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(utterance.lang.slice(0, 2)));
  if (voice) utterance.voice = voice;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
  return true;
}
