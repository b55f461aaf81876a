// SQS through the AWS SDK for JavaScript v3 (@aws-sdk/client-sqs, JSON protocol). The SDK checks
// MD5OfMessageBody and MD5OfMessageAttributes itself, so every send and receive here also proves
// cloudbox's digests. Usage: node sdk_js_v3_sqs.cjs <endpoint> <clients dir>
const path = require("path");
const assert = require("assert");
const [endpoint, clientsDir] = process.argv.slice(2);
const sqsLib = require(path.join(clientsDir, "node_modules", "@aws-sdk", "client-sqs"));
const {
  SQSClient, CreateQueueCommand, SendMessageCommand, SendMessageBatchCommand,
  ReceiveMessageCommand, DeleteMessageCommand, GetQueueAttributesCommand, GetQueueUrlCommand,
} = sqsLib;

const client = new SQSClient({
  endpoint, region: "us-east-1", maxAttempts: 1,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});

async function expectError(promise, name) {
  try {
    await promise;
  } catch (e) {
    const code = e.Code || e.name;
    assert.ok(code === name || e.name === name, `expected ${name}, got ${e.name} / ${e.Code}`);
    return;
  }
  assert.fail(`expected ${name}`);
}

async function main() {
  const dlq = (await client.send(new CreateQueueCommand({ QueueName: "js-dlq" }))).QueueUrl;
  const url = (await client.send(new CreateQueueCommand({
    QueueName: "js-src",
    Attributes: { RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: "arn:aws:sqs:us-east-1:000000000000:js-dlq", maxReceiveCount: 1 }) },
  }))).QueueUrl;
  assert.ok(url.endsWith("/000000000000/js-src"), url);

  const attrs = {
    s: { DataType: "String", StringValue: "v" },
    n: { DataType: "Number", StringValue: "3.5" },
    b: { DataType: "Binary", BinaryValue: Buffer.from([0, 1, 255]) },
  };
  const sent = await client.send(new SendMessageCommand({
    QueueUrl: url, MessageBody: "héllo ✓", MessageAttributes: attrs }));
  assert.ok(sent.MessageId && sent.MD5OfMessageAttributes);

  const entries = [];
  for (let i = 0; i < 10; i++) {
    entries.push({ Id: `e${i}`, MessageBody: `batch ${i}`, MessageAttributes: { i: { DataType: "Number", StringValue: `${i}` } } });
  }
  const batch = await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
  assert.strictEqual(batch.Successful.length, 10);

  let received = 0;
  for (;;) {
    const r = await client.send(new ReceiveMessageCommand({
      QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"],
      MessageSystemAttributeNames: ["All"], VisibilityTimeout: 0 }));
    if (!r.Messages || r.Messages.length === 0) break;
    received += r.Messages.length;
    if (received > 11) break;
  }
  assert.strictEqual(received, 11, "each message once before the redrive");
  const moved = await client.send(new GetQueueAttributesCommand({
    QueueUrl: dlq, AttributeNames: ["ApproximateNumberOfMessages"] }));
  assert.strictEqual(moved.Attributes.ApproximateNumberOfMessages, "11");

  // Long polling: a waiting receive returns soon after a send.
  const poll = (await client.send(new CreateQueueCommand({ QueueName: "js-poll" }))).QueueUrl;
  const waiting = client.send(new ReceiveMessageCommand({ QueueUrl: poll, WaitTimeSeconds: 10 }))
    .then((r) => ({ r, at: Date.now() }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sendStart = Date.now();
  await client.send(new SendMessageCommand({ QueueUrl: poll, MessageBody: "ping" }));
  // Measured from the acknowledged send (the SDK's own signing and parsing of the send take
  // tens of milliseconds on a loaded machine and are not the server's latency).
  const sentAt = Date.now();
  console.log(`send round trip: ${sentAt - sendStart} ms`);
  const { r, at } = await waiting;
  assert.strictEqual(r.Messages[0].Body, "ping");
  console.log(`long-poll latency after send: ${at - sentAt} ms`);
  assert.ok(at - sentAt < 50, `latency ${at - sentAt} ms`);
  await client.send(new DeleteMessageCommand({ QueueUrl: poll, ReceiptHandle: r.Messages[0].ReceiptHandle }));

  // FIFO order per group.
  const fifo = (await client.send(new CreateQueueCommand({
    QueueName: "js.fifo", Attributes: { FifoQueue: "true", ContentBasedDeduplication: "true" } }))).QueueUrl;
  for (let i = 0; i < 6; i++) {
    const out = await client.send(new SendMessageCommand({
      QueueUrl: fifo, MessageBody: `m${i}`, MessageGroupId: `g${i % 2}` }));
    assert.ok(out.SequenceNumber);
  }
  const order = { g0: [], g1: [] };
  for (;;) {
    const got = await client.send(new ReceiveMessageCommand({
      QueueUrl: fifo, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["MessageGroupId"] }));
    if (!got.Messages) break;
    for (const m of got.Messages) {
      order[m.Attributes.MessageGroupId].push(m.Body);
      await client.send(new DeleteMessageCommand({ QueueUrl: fifo, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  assert.deepStrictEqual(order, { g0: ["m0", "m2", "m4"], g1: ["m1", "m3", "m5"] });

  // Bad input: AWS's error codes (query-compatible) reach the SDK.
  await expectError(client.send(new GetQueueUrlCommand({ QueueName: "missing" })),
    "AWS.SimpleQueueService.NonExistentQueue");
  await expectError(client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: "never" })),
    "ReceiptHandleIsInvalid");
  await expectError(client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "x".repeat(1048577) })),
    "InvalidParameterValue");
  console.log("SDK v3 SQS checks passed");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
