/**
 * A fake map tile server on loopback for the browser suite (no test may reach the internet): any /z/x/y.png is a grey
 * tile; every path asked for is kept, so a test can tell tiles were really fetched.
 */
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';

/** A 256 × 256 grey PNG, built here (no binary file in the repository). */
function tilePng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(257 * 256, 0xd0);
  for (let y = 0; y < 256; y++) raw[y * 257] = 0; // filter: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The fake tile server: any /z/x/y.png is the grey tile; every path asked for is kept. */
export async function startTiles() {
  const png = tilePng();
  const requests = [];
  const srv = createServer((req, res) => {
    requests.push(req.url);
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url)) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length });
      res.end(png);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  return { port: srv.address().port, requests, close: () => new Promise((r) => srv.close(r)) };
}

