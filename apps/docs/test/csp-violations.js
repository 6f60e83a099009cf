// Test-only (csp.test.ts adds it to pages it puts under the site's policy, before any page script):
// records every Content-Security-Policy violation as "directive blocked-URI".
(function () {
  var violations = (window.__cspViolations = []);
  document.addEventListener('securitypolicyviolation', function (event) {
    violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
})();
