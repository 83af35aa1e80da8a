// Fetches Web Chat's bundle into the folder given: only the botframework-webchat package's own tarball, at the version
// and with the integrity package-lock.json pins, and from it dist/webchat.js and its licence. dist/webchat.js is
// self-contained, so the 425 packages `npm ci` would install beside it (about 20 s and 25 s of CPU a clean build) are
// never needed.
'use strict';
const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

process.on('uncaughtException', error => {
  console.error(error.message);
  process.exit(1);
});

const packageName = 'botframework-webchat';
const wanted = ['dist/webchat.js', 'dist/webchat.js.LICENSE.txt'];
const destination = process.argv[2];
if (!destination) {
  fail('usage: node build/fetch-webchat.js <destination folder>');
}

const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8'));
const pinned = (lock.packages || {})[`node_modules/${packageName}`];
if (!pinned || !pinned.version || !pinned.integrity || !pinned.integrity.startsWith('sha512-')) {
  fail(`package-lock.json pins no version and sha512 integrity for ${packageName}; run npm install in bot/ArtBot.Bot`);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'artbot-webchat-'));
try {
  childProcess.execFileSync('npm', ['pack', `${packageName}@${pinned.version}`, '--pack-destination', scratch, '--silent'],
    { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  const tarballs = fs.readdirSync(scratch).filter(name => name.endsWith('.tgz'));
  if (tarballs.length !== 1) {
    fail(`npm pack ${packageName}@${pinned.version} wrote ${tarballs.length} tarballs`);
  }
  const tarball = fs.readFileSync(path.join(scratch, tarballs[0]));
  const integrity = 'sha512-' + crypto.createHash('sha512').update(tarball).digest('base64');
  if (integrity !== pinned.integrity) {
    fail(`${tarballs[0]} does not match package-lock.json's integrity (${integrity} against ${pinned.integrity})`);
  }
  const files = filesOf(zlib.gunzipSync(tarball));
  fs.mkdirSync(destination, { recursive: true });
  for (const name of wanted) {
    const content = files.get(`package/${name}`);
    if (!content) {
      fail(`${tarballs[0]} has no ${name}`);
    }
    fs.writeFileSync(path.join(destination, path.basename(name)), content);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

/** The regular files of a tar archive (ustar, as npm writes it), by path. */
function filesOf(archive) {
  const files = new Map();
  for (let offset = 0; offset + 512 <= archive.length;) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every(byte => byte === 0)) {
      break;
    }
    const field = (start, length) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = (prefix ? prefix + '/' : '') + field(0, 100);
    const type = field(156, 1);
    if (type === '0' || type === '') {
      files.set(name, archive.subarray(offset + 512, offset + 512 + size));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Stops with the reason; thrown, so the scratch folder is still removed. */
function fail(message) {
  throw new Error(`fetch-webchat: ${message}`);
}
