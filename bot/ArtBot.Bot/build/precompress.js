// Writes .br and .gz copies of the files given, at the strongest settings, so visitors download Web Chat compressed
// without the server compressing it on every request.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

for (const file of process.argv.slice(2)) {
  const content = fs.readFileSync(file);
  fs.writeFileSync(file + '.br', zlib.brotliCompressSync(content, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length }
  }));
  fs.writeFileSync(file + '.gz', zlib.gzipSync(content, { level: 9 }));
}
