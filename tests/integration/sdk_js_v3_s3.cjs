// S3 through the AWS SDK for JavaScript v3 (@aws-sdk/client-s3), driven by test_sdk_js_v3.py:
// node sdk_js_v3_s3.cjs ENDPOINT CLIENTS_DIR. Exits 0 when every check passes.
'use strict';
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { Readable } = require('node:stream');

const [endpoint, clientsDir] = process.argv.slice(2);
const {
    S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand,
    ListObjectsV2Command, DeleteObjectCommand,
} = require(path.join(clientsDir, 'node_modules', '@aws-sdk', 'client-s3'));

const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        t[n] = c >>> 0;
    }
    return t;
})();

// The base64 big-endian CRC32 S3 returns in x-amz-checksum-crc32.
function crc32Base64(buf) {
    let c = 0xffffffff;
    for (const b of buf) {
        c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    }
    const out = Buffer.alloc(4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
    return out.toString('base64');
}

const md5Etag = (buf) => '"' + crypto.createHash('md5').update(buf).digest('hex') + '"';

// A Readable that yields `buf` in uneven pieces, like a file or network stream would.
function streamOf(buf, piece) {
    const parts = [];
    for (let i = 0; i < buf.length; i += piece) {
        parts.push(buf.subarray(i, i + piece));
    }
    return Readable.from(parts, { objectMode: false });
}

const results = [];
async function check(name, fn) {
    try {
        await fn();
        results.push({ name, ok: true });
        console.log('ok   ' + name);
    } catch (e) {
        results.push({ name, ok: false });
        console.log('FAIL ' + name + '\n' + (e && e.stack ? e.stack : e));
    }
}

async function main() {
    const s3 = new S3Client({
        endpoint, region: 'us-east-1', forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    // Which requests the SDK really sent, to prove the aws-chunked trailer path is exercised.
    const sent = [];
    s3.middlewareStack.add((next) => async (args) => {
        sent.push({ headers: { ...args.request.headers }, path: args.request.path });
        return next(args);
    }, { step: 'finalizeRequest', name: 'recordRequests', priority: 'low' });
    const Bucket = 'sdkv3-bucket';

    await check('CreateBucket', async () => {
        const r = await s3.send(new CreateBucketCommand({ Bucket }));
        assert.equal(r.$metadata.httpStatusCode, 200);
        assert.equal(r.Location, '/' + Bucket);
    });

    const text = 'hello from the js sdk v3 \u2713';
    const textBuf = Buffer.from(text, 'utf8');
    await check('PutObject string body with the default CRC32 checksum', async () => {
        sent.length = 0;
        const r = await s3.send(new PutObjectCommand({
            Bucket, Key: 'dir/text.txt', Body: text, ContentType: 'text/plain',
            Metadata: { origin: 'sdk-v3' },
        }));
        assert.equal(r.ETag, md5Etag(textBuf));
        assert.equal(r.ChecksumCRC32, crc32Base64(textBuf));
        // the SDK sends the CRC32 it computed, as a header or as an aws-chunked trailer
        const h = sent.at(-1).headers;
        assert.ok(h['x-amz-checksum-crc32'] === crc32Base64(textBuf) ||
            h['x-amz-trailer'] === 'x-amz-checksum-crc32', JSON.stringify(h));
    });

    const streamBuf = crypto.randomBytes(3 * 1024 * 1024 + 12345);
    await check('PutObject Readable stream body (aws-chunked, trailing CRC32)', async () => {
        sent.length = 0;
        const r = await s3.send(new PutObjectCommand({
            Bucket, Key: 'dir/stream.bin', Body: streamOf(streamBuf, 65536 + 7),
            ContentLength: streamBuf.length,
        }));
        const h = sent.at(-1).headers;
        assert.equal(h['content-encoding'], 'aws-chunked');
        assert.equal(h['x-amz-trailer'], 'x-amz-checksum-crc32');
        assert.equal(h['x-amz-content-sha256'], 'STREAMING-UNSIGNED-PAYLOAD-TRAILER');
        assert.equal(r.ETag, md5Etag(streamBuf));
        assert.equal(r.ChecksumCRC32, crc32Base64(streamBuf));
    });

    const small = Buffer.from('tiny stream');
    await check('PutObject small Readable stream body', async () => {
        const r = await s3.send(new PutObjectCommand({
            Bucket, Key: 'dir/small-stream.txt', Body: streamOf(small, 4),
            ContentLength: small.length,
        }));
        assert.equal(r.ETag, md5Etag(small));
        assert.equal(r.ChecksumCRC32, crc32Base64(small));
    });

    await check('GetObject body read back', async () => {
        const r = await s3.send(new GetObjectCommand({ Bucket, Key: 'dir/text.txt' }));
        assert.equal(await r.Body.transformToString(), text);
        assert.equal(r.ContentType, 'text/plain');
        assert.equal(r.ContentLength, textBuf.length);
        assert.deepEqual(r.Metadata, { origin: 'sdk-v3' });
        const big = await s3.send(new GetObjectCommand({
            Bucket, Key: 'dir/stream.bin', ChecksumMode: 'ENABLED',
        }));
        const bytes = Buffer.from(await big.Body.transformToByteArray());
        assert.ok(bytes.equals(streamBuf), 'stream object body differs');
        assert.equal(big.ChecksumCRC32, crc32Base64(streamBuf));
        const part = await s3.send(new GetObjectCommand({
            Bucket, Key: 'dir/stream.bin', Range: 'bytes=100-199',
        }));
        assert.equal(part.$metadata.httpStatusCode, 206);
        assert.equal(part.ContentRange, `bytes 100-199/${streamBuf.length}`);
        assert.ok(Buffer.from(await part.Body.transformToByteArray())
            .equals(streamBuf.subarray(100, 200)));
    });

    await check('HeadObject', async () => {
        const r = await s3.send(new HeadObjectCommand({ Bucket, Key: 'dir/stream.bin' }));
        assert.equal(r.ContentLength, streamBuf.length);
        assert.equal(r.ETag, md5Etag(streamBuf));
        assert.ok(r.LastModified instanceof Date);
        await assert.rejects(s3.send(new HeadObjectCommand({ Bucket, Key: 'missing' })),
            (e) => e.name === 'NotFound' && e.$metadata.httpStatusCode === 404);
    });

    await check('ListObjectsV2', async () => {
        const r = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'dir/' }));
        assert.deepEqual(r.Contents.map((c) => c.Key),
            ['dir/small-stream.txt', 'dir/stream.bin', 'dir/text.txt']);
        assert.equal(r.KeyCount, 3);
        assert.equal(r.Contents[1].Size, streamBuf.length);
        const d = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
        assert.deepEqual(d.CommonPrefixes.map((p) => p.Prefix), ['dir/']);
        assert.equal(d.Contents, undefined);
        const p = await s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 2 }));
        assert.equal(p.IsTruncated, true);
        const p2 = await s3.send(new ListObjectsV2Command({
            Bucket, MaxKeys: 2, ContinuationToken: p.NextContinuationToken,
        }));
        assert.deepEqual(p2.Contents.map((c) => c.Key), ['dir/text.txt']);
    });

    await check('DeleteObject', async () => {
        const r = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'dir/text.txt' }));
        assert.equal(r.$metadata.httpStatusCode, 204);
        await assert.rejects(s3.send(new GetObjectCommand({ Bucket, Key: 'dir/text.txt' })),
            (e) => e.name === 'NoSuchKey' && e.$metadata.httpStatusCode === 404);
        // deleting a key that is not there succeeds, as on S3
        const again = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'dir/text.txt' }));
        assert.equal(again.$metadata.httpStatusCode, 204);
    });

    const failed = results.filter((r) => !r.ok);
    console.log(`${results.length - failed.length}/${results.length} passed`);
    process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
