#!/usr/bin/env python3
"""The browser bench (apps/bench) on a machine with Python 3 and a GPU but no Node and no browser.

Unpacks the carried Chromium (parts lqchrome.tar.xz.NN from .gpu-carry/parts/*, .gpu-keep/,
/tmp/gpu-keep/), serves the repository root merged with .gpu-carry/site on 127.0.0.1, drives
Chromium over --remote-debugging-pipe (CDP, standard library only), picks the first GL mode whose
WebGL renderer is a real GPU, runs the bench pages and prints the markdown tables run-bench.mjs
prints for them. How to get it there: apps/bench/gpu/README.md.
Everything goes to stdout and to $OUT (report.md, diag.txt, bench.json, chrome.log).

  python3 apps/bench/gpu/device-bench.py [--modes vulkan,egl] [--sections idle,first-frame,morph,update]
        [--quick] [--budget 330] [--allow-software]
"""
import argparse
import functools
import glob
import hashlib
import http.server
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

# This file is apps/bench/gpu/device-bench.py (tracked); what build-carry.sh makes is in the
# ignored .gpu-carry/ at the repository root, and call 1 leaves part 00 in .gpu-keep/ (or /tmp/gpu-keep/).
REPO = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
CARRY = os.path.join(REPO, '.gpu-carry')
KEEP = [os.path.join(REPO, '.gpu-keep'), os.path.join(tempfile.gettempdir(), 'gpu-keep')]
STARTED = time.monotonic()
NVIDIA = '/usr/local/nvidia'
# LQ_VK_ICD / LQ_EGL_VENDOR: other driver manifests (a local check points LQ_VK_ICD at SwiftShader's).
VK_ICD = os.environ.get('LQ_VK_ICD', NVIDIA + '/share/vulkan/icd.d/nvidia_icd.json')
EGL_VENDOR = os.environ.get('LQ_EGL_VENDOR', NVIDIA + '/share/glvnd/egl_vendor.d/10_nvidia.json')
SOFTWARE = ('swiftshader', 'llvmpipe', 'softpipe', 'software', 'no webgl', 'lavapipe')

# GL modes, tried in order. Headless Chromium forces SwiftShader unless a GL flag or --enable-gpu
# is given. WebGL goes through ANGLE on Vulkan (what works on NVIDIA without a display); "vulkan"
# also composites with Vulkan, "angle-vk" composites with GL on ANGLE. (VulkanFromANGLE /
# DefaultANGLEVulkan crashed the GPU process in a check on SwiftShader's Vulkan: left out.)
MODES = {
    'vulkan': ['--enable-gpu', '--use-angle=vulkan', '--enable-features=Vulkan'],
    'angle-vk': ['--enable-gpu', '--use-angle=vulkan'],
    'egl': ['--enable-gpu', '--use-gl=angle', '--use-angle=gl-egl'],
    'swiftshader': ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
}
# What puppeteer adds by default and what tools/chromium.mjs adds: the same page conditions as the
# Node runner (no background throttling, no network services).
COMMON = [
    '--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--ignore-gpu-blocklist',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--enable-unsafe-webgpu', '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
    '--disable-ipc-flooding-protection', '--disable-hang-monitor', '--disable-breakpad',
    '--disable-extensions', '--disable-default-apps', '--disable-popup-blocking',
    '--password-store=basic', '--use-mock-keychain', '--force-color-profile=srgb',
    '--metrics-recording-only', '--mute-audio', '--hide-scrollbars', '--window-size=800,600',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
]


class Log:
    """Prints and keeps each line, for diag.txt."""

    def __init__(self):
        self.lines = []

    def __call__(self, *parts):
        line = ' '.join(str(p) for p in parts)
        self.lines.append(line)
        print(line, flush=True)


log = Log()
OUT = os.environ.get('OUT') or os.path.join(tempfile.gettempdir(), 'lq-bench-out')
os.makedirs(OUT, exist_ok=True)


def elapsed():
    return time.monotonic() - STARTED


def sh(cmd, timeout=20, env=None):
    """A shell command's output (stdout and stderr), never raising."""
    try:
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout, env=env)
        return (r.stdout + r.stderr).rstrip()
    except Exception as e:  # noqa: BLE001 - diagnostics must not stop the run
        return f'({cmd}: {e})'


# ---------------------------------------------------------------- unpacking


def find_parts():
    """Every lqchrome.tar.xz.NN wherever the two calls left them, one per name, in order."""
    found = {}
    for d in [os.path.join(CARRY, 'parts', '*'), os.path.join(CARRY, 'parts'), CARRY,
              *KEEP, *(os.path.join(k, '*') for k in KEEP)]:
        for p in glob.glob(os.path.join(d, 'lqchrome.tar.xz.[0-9][0-9]')):
            found.setdefault(os.path.basename(p), p)
    sums = [p for d in [os.path.join(CARRY, 'parts', '*'), *KEEP]
            for p in glob.glob(os.path.join(d, 'SHA256SUMS'))]
    return [found[k] for k in sorted(found)], (sums[0] if sums else None)


def unpack(dest):
    root = os.path.join(dest, 'lqchrome')
    stamp = os.path.join(dest, 'unpacked.sha256')
    parts, sums = find_parts()
    want = open(sums).read().split()[0] if sums else None
    if os.path.exists(stamp) and os.path.exists(os.path.join(root, 'chrome', 'chromium')):
        if want is None or open(stamp).read().strip() == want:
            log(f'chromium already unpacked in {root}')
            return root
    log('parts:', ', '.join(f'{p} ({os.path.getsize(p) / 2**20:.1f} MiB)' for p in parts) or 'none')
    if not parts:
        sys.exit('no lqchrome.tar.xz.NN parts found (.gpu-carry/parts/*, .gpu-keep/, /tmp/gpu-keep/)')
    os.makedirs(dest, exist_ok=True)
    joined = os.path.join(dest, 'lqchrome.tar.xz')
    digest = hashlib.sha256()
    with open(joined, 'wb') as out:
        for p in parts:
            with open(p, 'rb') as f:
                while chunk := f.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    got = digest.hexdigest()
    if want and got != want:
        sys.exit(f'parts do not add up: sha256 {got}, SHA256SUMS says {want} (a part missing or stale?)')
    log(f'sha256 {"ok" if want else "(no SHA256SUMS to check)"}: {got[:16]}…')
    shutil.rmtree(root, ignore_errors=True)
    t0 = time.monotonic()
    if shutil.which('xz') and shutil.which('tar'):
        r = subprocess.run(f'xz -dc -T0 "{joined}" | tar -x -C "{dest}"', shell=True)
        ok = r.returncode == 0
    else:
        ok = False
    if not ok:  # no xz/tar here: Python's lzma reads the same stream (x86 BCJ filter included)
        import tarfile
        with tarfile.open(joined, 'r:xz') as t:
            try:
                t.extractall(dest, filter='fully_trusted')  # our own archive; no warning on 3.12+
            except TypeError:  # a Python without extraction filters
                t.extractall(dest)
    os.remove(joined)
    with open(stamp, 'w') as f:
        f.write(got + '\n')
    log(f'unpacked in {time.monotonic() - t0:.1f} s to {root}')
    return root


# ---------------------------------------------------------------- environment and diagnostics


@functools.lru_cache(maxsize=None)
def has_system_lib(name):
    """Whether the dynamic loader's cache lists `name` at a file that exists."""
    for line in sh('ldconfig -p 2>/dev/null').splitlines():
        if line.strip().startswith(name + ' ') and '=>' in line:
            if os.path.exists(line.split('=>', 1)[1].strip()):
                return True
    return False


def chrome_env(root, mode, profile, force_compat=False):
    env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
    dirs = [os.path.join(root, 'chrome'), os.path.join(root, 'lib')]
    # The C++ runtime of the build machine only where the target has none: a newer one is a
    # superset, and the GPU driver's libraries may need it.
    if force_compat or not (has_system_lib('libstdc++.so.6') and has_system_lib('libgcc_s.so.1')):
        dirs.append(os.path.join(root, 'compat'))
    dirs += [d for d in (NVIDIA + '/lib64', NVIDIA + '/lib') if os.path.isdir(d)]
    if env.get('LD_LIBRARY_PATH'):
        dirs.append(env['LD_LIBRARY_PATH'])
    env['LD_LIBRARY_PATH'] = ':'.join(dirs)
    env['FONTCONFIG_FILE'] = os.path.join(root, 'fonts', 'fonts.conf')
    env['FONTCONFIG_PATH'] = os.path.join(root, 'fonts')
    env['HOME'] = profile  # NSS keeps its database under ~/.pki
    env['XDG_CONFIG_HOME'] = os.path.join(profile, '.config')
    env['XDG_CACHE_HOME'] = os.path.join(profile, '.cache')
    if mode != 'swiftshader':
        if os.path.exists(VK_ICD):
            env.setdefault('VK_DRIVER_FILES', VK_ICD)
            env.setdefault('VK_ICD_FILENAMES', VK_ICD)
        if os.path.exists(EGL_VENDOR):
            env.setdefault('__EGL_VENDOR_LIBRARY_FILENAMES', EGL_VENDOR)
    return env


def diagnostics(root, force_compat):
    log('## Diagnostics')
    log('host:', platform.platform(), '| python', platform.python_version(),
        '| glibc', os.confstr('CS_GNU_LIBC_VERSION'),
        '| carried libs need', open(os.path.join(root, 'GLIBC_NEEDED')).read().strip())
    log('chromium:', open(os.path.join(root, 'VERSION')).read().strip())
    log('nvidia-smi -L:', sh('nvidia-smi -L'))
    log(sh(f'ls -l /dev/nvidia* /dev/dri 2>&1 | head -20; '
           f'ls -l {NVIDIA}/share/vulkan/icd.d {NVIDIA}/share/glvnd/egl_vendor.d '
           '/usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/share/glvnd/egl_vendor.d 2>&1'))
    for f in (VK_ICD, EGL_VENDOR):
        if os.path.exists(f):
            log(f'{f}:', open(f).read().replace('\n', ' '))
    log(sh(f'ls {NVIDIA}/lib64 {NVIDIA}/lib 2>/dev/null | grep -E "GLX_nvidia|EGL_nvidia|glcore|glsi|eglcore|vulkan" | head'))
    log('ldconfig -p:', sh('ldconfig -p | grep -E "libvulkan|libEGL|libGLX_nvidia|libEGL_nvidia|libstdc|libgcc_s"'))
    env = chrome_env(root, 'vulkan', tempfile.gettempdir(), force_compat)
    log('LD_LIBRARY_PATH=' + env['LD_LIBRARY_PATH'])
    carried = (root + '/',)
    ldd = sh(f'ldd "{root}/chrome/chromium"', env=env)
    outside = [line.strip() for line in ldd.splitlines()
               if 'not found' in line or ('=>' in line and not line.split('=>')[1].strip().startswith(carried))]
    log('ldd chromium: resolved outside the carry:', '; '.join(outside) or 'none')
    if any('not found' in line for line in outside):
        log('!! some libraries are not found: Chromium will not start')


# ---------------------------------------------------------------- static server


class Handler(http.server.BaseHTTPRequestHandler):
    roots = []
    types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
             '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
             '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8',
             '.png': 'image/png'}

    def do_GET(self):  # noqa: N802 - http.server's name
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path == '/__probe.html':
            return self.reply(200, b'<!doctype html><title>probe</title>', '.html')
        for base in self.roots:
            full = os.path.realpath(os.path.join(base, '.' + path))
            if full.startswith(base + os.sep) and os.path.isfile(full):
                with open(full, 'rb') as f:
                    return self.reply(200, f.read(), os.path.splitext(full)[1])
        self.reply(404, f'not found: {path}'.encode(), '.txt')

    def reply(self, status, body, ext):
        self.send_response(status)
        self.send_header('content-type', self.types.get(ext, 'application/octet-stream'))
        self.send_header('cache-control', 'no-store')
        self.send_header('content-length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve():
    # The carried build outputs first, then the working tree (the tracked pages).
    Handler.roots = [os.path.realpath(os.path.join(CARRY, 'site')), os.path.realpath(REPO)]
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f'http://127.0.0.1:{server.server_address[1]}'


# ---------------------------------------------------------------- Chromium over a CDP pipe


class CDPError(Exception):
    pass


class Browser:
    """Chromium with --remote-debugging-pipe: JSON messages ended by NUL on fds 3 (in) and 4 (out)."""

    def __init__(self, root, mode, logfile, force_compat=False):
        self.profile = tempfile.mkdtemp(prefix='lq-profile-')
        env = chrome_env(root, mode, self.profile, force_compat)
        args = [*COMMON, *MODES[mode], '--remote-debugging-pipe',
                f'--user-data-dir={self.profile}', 'about:blank']
        to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, from_chrome_w = os.pipe()
        logfile.write(f'\n===== {mode} ({elapsed():.0f} s): chromium {" ".join(args)}\n')
        logfile.flush()
        # The shell puts the pipe ends on fds 3 and 4, where Chromium looks for them.
        self.proc = subprocess.Popen(
            ['/bin/sh', '-c', f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w} '
                              f'{to_chrome_r}<&- {from_chrome_w}>&-',
             os.path.join(root, 'chrome', 'chromium'), *args],
            pass_fds=(to_chrome_r, from_chrome_w), env=env, stdin=subprocess.DEVNULL,
            stdout=logfile, stderr=logfile)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id = 0
        self.replies = {}
        self.console = {}
        self.closed = False
        self.cond = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buf = b''
        while True:
            try:
                chunk = os.read(self.from_chrome_r, 1 << 20)
            except OSError:
                chunk = b''
            if not chunk:
                break
            buf += chunk
            *messages, buf = buf.split(b'\0')
            for raw in messages:
                msg = json.loads(raw)
                with self.cond:
                    if 'id' in msg:
                        self.replies[msg['id']] = msg
                        self.cond.notify_all()
                    else:
                        self.event(msg)
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def event(self, msg):
        notes = self.console.get(msg.get('sessionId'))
        if notes is None:
            return
        params = msg.get('params', {})
        if msg['method'] == 'Runtime.consoleAPICalled' and params.get('type') in ('error', 'warning'):
            notes.append(' '.join(str(a.get('value', a.get('description', ''))) for a in params.get('args', [])))
        elif msg['method'] == 'Runtime.exceptionThrown':
            d = params.get('exceptionDetails', {})
            notes.append(d.get('exception', {}).get('description') or d.get('text', ''))

    def send(self, method, params=None, session=None, timeout=30.0):
        with self.cond:
            self.next_id += 1
            key = self.next_id
        msg = {'id': key, 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        try:
            os.write(self.to_chrome_w, json.dumps(msg).encode() + b'\0')
        except OSError as e:
            raise CDPError(f'{method}: browser gone ({e})') from e
        end = time.monotonic() + timeout
        with self.cond:
            while key not in self.replies:
                left = end - time.monotonic()
                if self.closed:
                    raise CDPError(f'{method}: browser closed (exit {self.proc.poll()})')
                if left <= 0:
                    raise CDPError(f'{method}: timed out after {timeout:.0f} s')
                self.cond.wait(min(left, 1.0))
            reply = self.replies.pop(key)
        if 'error' in reply:
            raise CDPError(f'{method}: {reply["error"].get("message")}')
        return reply.get('result', {})

    def evaluate(self, session, expression, timeout=30.0):
        r = self.send('Runtime.evaluate', {'expression': expression, 'awaitPromise': True,
                                           'returnByValue': True}, session, timeout)
        if 'exceptionDetails' in r:
            d = r['exceptionDetails']
            raise CDPError(d.get('exception', {}).get('description') or d.get('text', 'exception'))
        return r.get('result', {}).get('value')

    def open(self, url, timeout):
        """A fresh tab (800×600, as puppeteer's default viewport) at `url`: (targetId, sessionId)."""
        target = self.send('Target.createTarget', {'url': 'about:blank'})['targetId']
        session = self.send('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
        with self.cond:
            self.console[session] = []
        self.send('Runtime.enable', session=session)
        self.send('Emulation.setDeviceMetricsOverride',
                  {'width': 800, 'height': 600, 'deviceScaleFactor': 1, 'mobile': False}, session)
        self.send('Page.navigate', {'url': url}, session, timeout)
        return target, session

    def close_tab(self, target, session):
        with self.cond:
            self.console.pop(session, None)
        try:
            self.send('Target.closeTarget', {'targetId': target}, timeout=10)
        except CDPError:
            pass

    def quit(self):
        try:
            self.send('Browser.close', timeout=5)
        except CDPError:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_chrome_w, self.from_chrome_r):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


PROBE = r"""(async () => {
  const out = { userAgent: navigator.userAgent };
  for (const kind of ['webgl', 'webgl2']) {
    const gl = document.createElement('canvas').getContext(kind);
    if (!gl) { out[kind] = 'no WebGL'; continue; }
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    out[kind] = {
      renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
      vendor: info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
      version: gl.getParameter(gl.VERSION),
      maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE),
    };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  const timeout = new Promise((r) => setTimeout(() => r('timed out'), 5000));
  const adapter = navigator.gpu
    ? navigator.gpu.requestAdapter().then((a) => (a ? { ...(a.info ? {
        vendor: a.info.vendor, architecture: a.info.architecture, device: a.info.device,
        description: a.info.description } : {}), isFallbackAdapter: a.isFallbackAdapter } : null),
        (e) => String(e))
    : Promise.resolve('no navigator.gpu');
  out.webgpu = await Promise.race([adapter, timeout]);
  return JSON.stringify(out);
})()"""


def probe(browser, origin):
    """The WebGL (and WebGPU) renderer this browser gives pages, and what chrome://gpu says."""
    result = {}
    try:
        info = browser.send('SystemInfo.getInfo', timeout=30)
        gpu = info.get('gpu', {})
        aux = gpu.get('auxAttributes', {})
        result['gpu'] = {
            'devices': [{k: d.get(k) for k in ('vendorString', 'deviceString', 'driverVendor',
                                               'driverVersion', 'vendorId', 'deviceId')}
                        for d in gpu.get('devices', [])],
            'aux': {k: aux.get(k) for k in ('glImplementationParts', 'glRenderer', 'glVendor',
                                             'glVersion', 'displayType', 'vulkanVersion',
                                             'softwareRendering', 'sandboxed') if k in aux},
            'featureStatus': gpu.get('featureStatus'),
        }
    except CDPError as e:
        result['gpu'] = f'SystemInfo.getInfo failed: {e}'
    target, session = browser.open(origin + '/__probe.html', 30)
    try:
        wait_for(browser, session, "document.title === 'probe'", 30)
        result.update(json.loads(browser.evaluate(session, PROBE, 30)))
    finally:
        browser.close_tab(target, session)
    return result


def wait_for(browser, session, condition, timeout):
    end = time.monotonic() + timeout
    while True:
        try:
            if browser.evaluate(session, f'!!({condition})', 10):
                return
        except CDPError as e:  # the old document's context going away mid-evaluate
            if 'closed' in str(e) or 'gone' in str(e):
                raise
        if time.monotonic() > end:
            raise CDPError(f'page not ready after {timeout:.0f} s')
        time.sleep(0.05)


def mapped_outside(root):
    """Shared objects the running Chromium processes map from outside the carry (GPU driver, glibc)."""
    root = os.path.realpath(root)
    exe = os.path.join(root, 'chrome', 'chromium')
    found = set()
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            if os.path.realpath(f'/proc/{pid}/exe') != exe:
                continue
            with open(f'/proc/{pid}/maps') as f:
                for line in f:
                    path = line.split(None, 5)[-1].strip()
                    if '.so' in path and not path.startswith(root + '/'):
                        found.add(path)
        except OSError:
            pass
    return sorted(found)


def is_software(p):
    gl = p.get('webgl')
    renderer = gl.get('renderer', '') if isinstance(gl, dict) else str(gl)
    return any(word in renderer.lower() for word in SOFTWARE), renderer


# ---------------------------------------------------------------- the bench pages


def plan(sections, libs, quick):
    """The pages run-bench.mjs opens for these sections, in the order wanted here."""
    views = ['surface', 'contour']
    resolutions = [64] if quick else [64, 128, 256]

    def each(fn):
        return [fn(view, lib) for view in views for lib in libs]

    pages = [('idle', {})]
    for section in sections:
        if section == 'first-frame':
            for _ in range(1 if quick else 3):
                pages += each(lambda v, lib: ('first-frame', {'lib': lib, 'view': v, 'res': 64}))
        elif section == 'morph':
            for res in resolutions:
                pages += each(lambda v, lib: ('morph', {'lib': lib, 'view': v, 'res': res, 'batch': 10}))
        elif section == 'update':
            for res in resolutions:
                for batch in [10, 100] if quick else [10, 100, 1000]:
                    pages += each(lambda v, lib: ('update', {'lib': lib, 'view': v, 'res': res, 'batch': batch}))
        elif section == 'throughput':
            for res in [r for r in resolutions if r <= 128]:
                pages += each(lambda v, lib: ('throughput', {'lib': lib, 'view': v, 'res': res, 'batch': 100}))
    return pages


def run_page(browser, origin, section, query, timeout):
    url = f'{origin}/apps/bench/pages/index.html?' + urllib.parse.urlencode({'m': section, **query})
    target, session = browser.open(url, timeout)
    try:
        wait_for(browser, session, f"location.href === {json.dumps(url)} && window.benchDone", 30)
        left = max(1.0, timeout - 1)
        try:
            text = browser.evaluate(session, 'window.benchDone.then((r) => JSON.stringify(r))', left)
            result = json.loads(text) if text else {'error': 'no result'}
        except CDPError as e:
            result = {'error': str(e).replace('Runtime.evaluate: ', '')}
        if result.get('error'):
            with browser.cond:
                notes = list(browser.console.get(session, []))
            if notes:
                result['console'] = notes[:5]
        return result
    finally:
        browser.close_tab(target, session)


def bench(browser, origin, pages, soft_end, hard_end, data, save):
    for k, (section, query) in enumerate(pages):
        label = f'{section} {" ".join(str(v) for v in query.values())}'.strip()
        if time.monotonic() > soft_end:
            data['skipped'].append(label)
            continue
        t0 = time.monotonic()
        timeout = min(120.0, hard_end - t0)
        try:
            result = run_page(browser, origin, section, query, timeout)
        except CDPError as e:
            result = {'error': str(e)}
        took = time.monotonic() - t0
        print(f'[{k + 1}/{len(pages)}] {label} {took:.1f} s{" ERROR" if result.get("error") else ""}',
              file=sys.stderr, flush=True)
        if result.get('error'):
            print(f'  {result["error"]}\n  ' + '\n  '.join(result.get('console', [])), file=sys.stderr)
        data['pages'].append({'section': section, 'query': query, **result})
        save()
        if browser.proc.poll() is not None:
            data['notes'].append(f'browser exited ({browser.proc.returncode}) after {label}')
            break


# ---------------------------------------------------------------- the report (as lib/report.mjs)

FRAME = 1000 / 60
ON_TIME = FRAME * 1.05


def ms(x):
    if x is None:
        return '–'
    return f'{x:.0f}' if x >= 100 else f'{x:.1f}' if x >= 1 else f'{x:.2f}'


def mark(ok):
    return '' if ok is None else '✓' if ok else '✗'


def ratio(plotly, ours):
    return f'{plotly / ours:.1f}×' if plotly and ours else '–'


def median(xs):
    s = sorted(xs)
    n = len(s)
    if not n:
        return None
    return s[(n - 1) // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def table(head, rows):
    return '\n'.join([f'| {" | ".join(head)} |', '|' + '|'.join('---' for _ in head) + '|',
                      *(f'| {" | ".join(str(c) for c in r)} |' for r in rows)])


def find(pages, section, query):
    for p in pages:
        if p['section'] == section and not p.get('error') and all(
                str(p['query'].get(k)) == str(v) for k, v in query.items()):
            return p
    return None


def pairs(pages, section):
    keys = []
    for p in pages:
        if p['section'] == section:
            key = (p['query']['view'], str(p['query']['res']), str(p['query']['batch']))
            if key not in keys:
                keys.append(key)
    return [(v, r, b, find(pages, section, {'lib': 'ours', 'view': v, 'res': r, 'batch': b}),
             find(pages, section, {'lib': 'plotly', 'view': v, 'res': r, 'batch': b})) for v, r, b in keys]


def header(data):
    idle = next((p for p in data['pages'] if p['section'] == 'idle'), {})
    iv = idle.get('interval', {})
    hz = round(1000 / iv['median']) if iv.get('median') else '?'
    gpu = data.get('probe', {}).get('gpu', {})
    devices = '; '.join(f"{d.get('vendorString') or d.get('vendorId')} {d.get('deviceString') or d.get('deviceId')} "
                        f"(driver {d.get('driverVersion')})" for d in gpu.get('devices', [])) if isinstance(gpu, dict) else ''
    return '\n'.join([
        '# lossquake bench (device-bench.py)', '',
        f"- Browser: {data['browser']} (headless, CDP over --remote-debugging-pipe from device-bench.py), "
        f"GL mode `{data['mode']}`, WebGL renderer: {idle.get('renderer', '?')} ({idle.get('vendor', '?')})",
        f"- GPU (SystemInfo): {devices or '?'}; WebGPU adapter: {json.dumps(data.get('probe', {}).get('webgpu'))}",
        f"- Idle page rAF interval: median {ms(iv.get('median'))} ms, p95 {ms(iv.get('p95'))} ms "
        f"(n={iv.get('n', 0)}) — rAF ticks at about {hz} Hz",
        f"- Machine: {data['machine']}; {data['date']}; bench pages took {data['seconds']} s"
        + (' (--quick)' if data['quick'] else '')
        + (f"; {len(data['skipped'])} pages skipped for time" if data['skipped'] else ''),
        '- Workload (both libraries): blobs, 1000 rows, logistic, weights [-20, 20]², epoch shuffling, '
        'seed 1; every update computes its landscape with core `lossGrid`.', ''])


def first_frame_section(pages):
    rows = []
    for view in ['surface', 'contour']:
        def of(lib):
            return [p for p in pages if p['section'] == 'first-frame' and not p.get('error')
                    and p['query']['lib'] == lib and p['query']['view'] == view]
        ours, plotly = of('ours'), of('plotly')

        def m(lst, key):
            return median([p[key] for p in lst])
        ours_ms = m(ours, 'firstFrame')
        target = f'< 300 ms {mark(ours_ms < 300)}' if view == 'surface' and ours_ms is not None else ''
        rows.append([view, f'{ms(ours_ms)} (n={len(ours)})', f"{ms(m(plotly, 'firstFrame'))} (n={len(plotly)})",
                     ratio(m(plotly, 'firstFrame'), ours_ms), f"{ms(m(ours, 'loadMs'))} / {ms(m(plotly, 'loadMs'))}",
                     target])
    return '\n'.join([
        '## First frame (resolution 64)', '',
        'From adding the element (or calling `Plotly.newPlot`) to the end of the first animation frame '
        'with a draw in it; median over fresh pages. Script load + evaluation is apart.', '',
        table(['view', 'lossquake ms', 'Plotly ms', 'Plotly / ours', 'script load ms (ours / Plotly)', 'target'], rows),
        ''])


def update_section(pages):
    def cell(r):
        return f"{ms(r['update']['median'])} · {ms(r['update']['p95'])} (n={r['update']['n']})" if r else '–'
    rows = []
    for view, res, batch, ours, plotly in pairs(pages, 'update'):
        target = f"≤ 1 frame {mark(ours['update']['median'] <= ON_TIME)}" if res == '64' and ours else ''
        compute = (ours or plotly or {}).get('compute', {}).get('median')
        rows.append([view, res, batch, cell(ours), cell(plotly),
                     ratio(plotly and plotly['update']['median'], ours and ours['update']['median']),
                     ms(compute), target])
    return '\n'.join([
        '## Update: new batch → end of the next animation frame', '',
        'Median · p95 ms over consecutive batches (n); see apps/bench/README.md.', '',
        table(['view', 'res', 'batch', 'lossquake', 'Plotly', 'Plotly / ours', 'lossGrid ms', 'target (res 64)'], rows),
        ''])


def throughput_section(pages):
    def cell(r):
        return (f"{r['updatesPerSecond']} ({r['updates']} in {r['seconds']} s; frame "
                f"{ms(r['interval']['median'])} · {ms(r['interval']['p95'])} ms)") if r else '–'
    rows = []
    for view, res, batch, ours, plotly in pairs(pages, 'throughput'):
        target = f"≥ 57/s {mark(ours['updatesPerSecond'] >= 57)}" if res == '64' and ours else ''
        rows.append([view, res, batch, cell(ours), cell(plotly),
                     ratio(ours and ours['updatesPerSecond'], plotly and plotly['updatesPerSecond']), target])
    return '\n'.join([
        '## Throughput: a new batch in every animation frame', '',
        table(['view', 'res', 'batch', 'lossquake updates/s', 'Plotly updates/s', 'ours / Plotly', 'target (res 64)'], rows),
        ''])


def morph_section(pages):
    def cell(r):
        return f"{ms(r['interval']['median'])} · {ms(r['interval']['p95'])} (n={r['interval']['n']})" if r else '–'

    def work(r):
        return f"{ms(r['frameWork']['median'])} · {ms(r['frameWork']['p95'])}" if r else '–'

    def tasks(r):
        return str(r['longTasks']['count']) if r else '–'
    rows = []
    for view, res, _batch, ours, plotly in pairs(pages, 'morph'):
        wanted = res == '64' or (view == 'contour' and res == '128')
        target = f"≤ 16.7 ms {mark(ours['interval']['median'] <= ON_TIME)}" if wanted and ours else ''
        rows.append([view, res, cell(ours), work(ours), tasks(ours), cell(plotly), work(plotly), tasks(plotly), target])
    return '\n'.join([
        '## Sustained frames during a morph', '',
        'A new batch (size 10) every 400 ms for 2 s; "frame" = rAF interval, median · p95 (n frames); '
        '"main-thread work" = rAF timestamp to the end of that frame; long tasks > 50 ms.', '',
        table(['view', 'res', 'lossquake frame ms', 'ours main-thread work', 'ours long tasks', 'Plotly frame ms',
               'Plotly main-thread work', 'Plotly long tasks', 'target'], rows),
        ''])


def report(data):
    pages = data['pages']

    def has(section):
        return any(p['section'] == section for p in pages)
    parts = [header(data)]
    if has('first-frame'):
        parts.append(first_frame_section(pages))
    if has('update'):
        parts.append(update_section(pages))
    if has('throughput'):
        parts.append(throughput_section(pages))
    if has('morph'):
        parts.append(morph_section(pages))
    failed = [p for p in pages if p.get('error')]
    if failed:
        parts.append('\n'.join(['## Pages that failed', '', *(
            f"- {p['section']} {json.dumps(p['query'])}: {p['error'].splitlines()[0]}" for p in failed), '']))
    if data['skipped']:
        parts.append('Skipped for time: ' + ', '.join(data['skipped']) + '\n')
    if data.get('rendererAfter'):
        parts.append(f"WebGL renderer after the last page: {data['rendererAfter']}\n")
    for note in data['notes']:
        parts.append(f'Note: {note}\n')
    return '\n'.join(parts)


# ---------------------------------------------------------------- main


def trim(path, keep):
    """Keeps a log's last `keep` bytes (files coming back from the device are capped)."""
    if os.path.getsize(path) > keep:
        with open(path, 'rb') as f:
            f.seek(-keep, 2)
            tail = f.read()
        with open(path, 'wb') as f:
            f.write(b'[... trimmed ...]\n' + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--modes', default='vulkan,angle-vk,egl',
                    help='GL modes to try in order (vulkan, angle-vk, egl, swiftshader)')
    ap.add_argument('--define', action='append', default=[], metavar='NAME=FLAGS',
                    help="a GL mode of your own: --define 'vk2=--enable-gpu --use-angle=vulkan'")
    ap.add_argument('--allow-software', action='store_true',
                    help='bench on the last mode tried even if its renderer is software (local checks)')
    ap.add_argument('--sections', default='first-frame,morph,update',
                    help='after idle, in this order: first-frame, morph, update, throughput')
    ap.add_argument('--libs', default='ours,plotly')
    ap.add_argument('--quick', action='store_true', help='resolution 64 only, one first-frame page per view')
    ap.add_argument('--budget', type=float, default=300, help='start no page after this many seconds')
    ap.add_argument('--hard', type=float, default=360, help='cut a running page off at this many seconds')
    ap.add_argument('--dest', default=os.path.join(tempfile.gettempdir(), 'lqchrome-root'))
    ap.add_argument('--force-compat', action='store_true', help="use the carried libstdc++/libgcc_s")
    ap.add_argument('--probe-only', action='store_true')
    # LQ_ARGS: more options from the environment (local-check.sh runs README.md's command verbatim).
    args = ap.parse_args(sys.argv[1:] + shlex.split(os.environ.get('LQ_ARGS', '')))

    for d in args.define:
        name, _, flags = d.partition('=')
        MODES[name] = flags.split()
    log(f'# device-bench.py ({time.strftime("%Y-%m-%d %H:%M:%S")}), repo {REPO}, OUT {OUT}')
    root = unpack(args.dest)
    diagnostics(root, args.force_compat)
    server, origin = serve()
    log(f'serving {" + ".join(Handler.roots)} at {origin}')
    missing = [p for p in ('/packages/core/dist/index.js', '/packages/lossquake/dist/lossquake.js',
                           '/apps/bench/node_modules/plotly.js-dist-min/plotly.min.js',
                           '/apps/bench/pages/index.html')
               if not any(os.path.isfile(os.path.join(b, '.' + p)) for b in Handler.roots)]
    if missing:
        log('!! not served (pages will fail):', ', '.join(missing))

    logfile = open(os.path.join(OUT, 'chrome.log'), 'a')
    modes = [m for m in args.modes.split(',') if m]
    browser = chosen = found = None
    for k, mode in enumerate(modes):
        log(f'## Probe: mode {mode} ({elapsed():.0f} s)')
        b = Browser(root, mode, logfile, args.force_compat)
        try:
            version = b.send('Browser.getVersion', timeout=60)
            found = probe(b, origin)
            found['version'] = version.get('product')
        except CDPError as e:
            log(f'mode {mode}: failed: {e}')
            b.quit()
            continue
        log(json.dumps(found, indent=1))
        software, renderer = is_software(found)
        log(f'mode {mode}: WebGL renderer {renderer!r}{" (software)" if software else ""}')
        if not software or (args.allow_software and k == len(modes) - 1):
            log('mapped from outside the carry:', ' '.join(mapped_outside(root)) or 'nothing')
            browser, chosen = b, mode
            break
        b.quit()
    diag = os.path.join(OUT, 'diag.txt')
    with open(diag, 'w') as f:
        f.write('\n'.join(log.lines) + '\n')
    if browser is None:
        trim(os.path.join(OUT, 'chrome.log'), 4 << 20)
        log('!! no mode gave a GPU renderer: giving up (see diag.txt and chrome.log)')
        return 2
    if args.probe_only:
        browser.quit()
        return 0

    libs = args.libs.split(',')
    sections = [s for s in args.sections.split(',') if s]
    pages = plan(sections, libs, args.quick)
    log(f'## Bench: {len(pages)} pages, mode {chosen} ({elapsed():.0f} s)')
    cpu = next((line.split(':', 1)[1].strip() for line in open('/proc/cpuinfo') if line.startswith('model name')), '?')
    data = {'date': time.strftime('%Y-%m-%dT%H:%M:%S%z'), 'mode': chosen, 'quick': args.quick, 'libs': libs,
            'browser': found.get('version'), 'machine': f'{os.cpu_count()} × {cpu}, Python {platform.python_version()}, '
            f'load average {os.getloadavg()[0]:.1f}', 'probe': found, 'pages': [], 'skipped': [], 'notes': [],
            'seconds': 0}
    bench_start = time.monotonic()

    def save():
        data['seconds'] = round(time.monotonic() - bench_start)
        with open(os.path.join(OUT, 'bench.json'), 'w') as f:
            json.dump(data, f, indent=1)
        with open(os.path.join(OUT, 'report.md'), 'w') as f:
            f.write(report(data))

    try:
        bench(browser, origin, pages, STARTED + args.budget, STARTED + args.hard, data, save)
        log('mapped from outside the carry, after the bench:', ' '.join(mapped_outside(root)) or 'nothing')
        # A GPU process that crashed mid-run falls back to software silently: say so.
        try:
            after = probe(browser, origin)
            data['rendererAfter'] = is_software(after)[1]
            log('WebGL renderer after the bench:', repr(data['rendererAfter']))
        except CDPError as e:
            log('renderer after the bench: probe failed:', e)
        logfile.flush()
        with open(os.path.join(OUT, 'chrome.log'), errors='replace') as f:
            crashes = f.read().count('GPU process exited unexpectedly')
        if crashes:
            data['notes'].append(f'chrome.log: the GPU process exited unexpectedly {crashes} times')
    finally:
        browser.quit()
        server.shutdown()
        save()
    trim(os.path.join(OUT, 'chrome.log'), 4 << 20)
    print('\n' + report(data), flush=True)
    with open(diag, 'w') as f:
        f.write('\n'.join(log.lines) + '\n' + '\n'.join(data['notes']) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
