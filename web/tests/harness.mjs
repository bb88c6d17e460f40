// Shared by the web tests and the server tests: start `capsante serve` on a
// free loopback port, stop it, and drive Debian's Chromium with playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function capsanteBinary() {
  const bin = process.env.CAPSANTE_BIN || path.join(repoRoot, 'build/apps/cli/capsante');
  if (!existsSync(bin)) throw new Error(`binaire introuvable : ${bin} (construisez d'abord, ou CAPSANTE_BIN=...)`);
  return bin;
}

// Starts the server on port 0 (the kernel picks a free port) and resolves once
// it printed its address. `log` collects the access log (stderr).
export async function startServer({ extraArgs = [] } = {}) {
  const args = [];
  if (process.env.CAPSANTE_HOME) args.push('--home', process.env.CAPSANTE_HOME);
  args.push('serve', '--host', '127.0.0.1', '--port', '0', '--web', path.join(repoRoot, 'web'), ...extraArgs);
  const child = spawn(capsanteBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, log: '', stdout: '', url: null };
  child.stderr.on('data', (d) => { server.log += d; });
  server.url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('le serveur n\'a pas démarré en 10 s :\n' + server.log)), 10000);
    child.stdout.on('data', (d) => {
      server.stdout += d;
      const m = server.stdout.match(/http:\/\/[^\s/]+:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0].replace(/\/$/, '')); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`le serveur s'est arrêté (code ${code}) :\n${server.log}`)); });
  });
  child.removeAllListeners('exit');
  server.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return server;
}

// SIGTERM, then the exit status (a clean shutdown exits 0).
export async function stopServer(server) {
  if (!server) return null;
  server.child.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
  const status = await Promise.race([server.exited, timeout]);
  if (status === 'timeout') server.child.kill('SIGKILL');
  return status;
}

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// A fresh profile (--user-data-dir) every time, removed by close().
export async function launchBrowser() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core manquant : lancez « npm ci --prefix web »');
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'capsante-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  // A journey step that waits longer than this is a defect of the page (or of
  // the journey), not something to sit out for Playwright's default 30 s.
  context.setDefaultTimeout(15000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// A tiny test runner: named async tests, sequential, "N passed, N failed".
export async function runTests(tests) {
  let passed = 0;
  let failed = 0;
  const only = process.env.CAPSANTE_JOURNEY; // run only the journeys whose name holds it
  for (const [name, fn] of tests) {
    if (only && !name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(err.stack || err).split('\n').join('\n     ')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
export function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message} : attendu ${JSON.stringify(expected)}, obtenu ${JSON.stringify(actual)}`);
  }
}
