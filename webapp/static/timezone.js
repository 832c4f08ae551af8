// The browser's time zone, for the times on event pages: kept in a cookie (no session needed) that the server reads
// to show each event in the reader's zone too. Nothing else is sent; without JavaScript the pages show the
// organizer's zone and UTC.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9_+\/-]{1,64}$/.test(zone) && document.cookie.indexOf('tz=' + zone) < 0) {
      document.cookie = 'tz=' + zone + '; path=/; max-age=31536000; SameSite=Lax' +
        (location.protocol === 'https:' ? '; Secure' : '');
    }
  } catch (e) {
    // no Intl: the organizer's zone and UTC it is
  }
})();
