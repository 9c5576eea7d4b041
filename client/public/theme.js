// Runs before first paint (a plain script, not a module) so a chosen dark theme never flashes light.
try {
  var t = localStorage.getItem('duizhao-theme');
  if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
} catch (e) {}
