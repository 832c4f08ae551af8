// Progressive enhancement: hide a profile icon that fails to load, so only the fallback initial shows.
// Without JavaScript the initial still shows behind the browser's broken-image marker.
(function () {
  function hideIfBroken(img) {
    if (img.complete && img.naturalWidth === 0) {
      img.hidden = true;
    }
  }
  document.querySelectorAll('.avatar img').forEach(function (img) {
    img.addEventListener('error', function () { img.hidden = true; });
    hideIfBroken(img);
  });
})();
