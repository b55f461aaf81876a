// DynamoDB through the AWS SDK for JavaScript v3 DynamoDBDocumentClient (@aws-sdk/lib-dynamodb),
// driven by test_dynamodb_sdk_js_v3.py: node sdk_js_v3_dynamodb.cjs ENDPOINT CLIENTS_DIR.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');

const [endpoint, clientsDir] = process.argv.slice(2);
const mods = path.join(clientsDir, 'node_modules', '@aws-sdk');
const { DynamoDBClient, CreateTableCommand } = require(path.join(mods, 'client-dynamodb'));
const {
    DynamoDBDocumentClient, PutCommand, GetCommand, QueryCommand, UpdateCommand, DeleteCommand,
    BatchWriteCommand, TransactWriteCommand, ExecuteStatementCommand, ExecuteTransactionCommand,
} = require(path.join(mods, 'lib-dynamodb'));

async function main() {
    const client = new DynamoDBClient({ endpoint, region: 'us-east-1' });
    const doc = DynamoDBDocumentClient.from(client);
    await client.send(new CreateTableCommand({
        TableName: 'js-things',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'N' }],
        BillingMode: 'PAY_PER_REQUEST',
    }));
    await doc.send(new PutCommand({ TableName: 'js-things', Item: { pk: 'a', sk: 1, m: { x: [1, 'y'] } } }));
    const got = await doc.send(new GetCommand({ TableName: 'js-things', Key: { pk: 'a', sk: 1 } }));
    assert.deepEqual(got.Item, { pk: 'a', sk: 1, m: { x: [1, 'y'] } });
    const writes = [];
    for (let i = 2; i <= 20; i++) writes.push({ PutRequest: { Item: { pk: 'a', sk: i } } });
    await doc.send(new BatchWriteCommand({ RequestItems: { 'js-things': writes.slice(0, 10) } }));
    await doc.send(new BatchWriteCommand({ RequestItems: { 'js-things': writes.slice(10) } }));
    const q = await doc.send(new QueryCommand({
        TableName: 'js-things', KeyConditionExpression: 'pk = :p AND sk > :s',
        ExpressionAttributeValues: { ':p': 'a', ':s': 15 }, ScanIndexForward: false,
    }));
    assert.deepEqual(q.Items.map((i) => i.sk), [20, 19, 18, 17, 16]);
    const u = await doc.send(new UpdateCommand({
        TableName: 'js-things', Key: { pk: 'a', sk: 1 }, UpdateExpression: 'ADD hits :one',
        ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'ALL_NEW',
    }));
    assert.equal(u.Attributes.hits, 1);
    await assert.rejects(doc.send(new DeleteCommand({
        TableName: 'js-things', Key: { pk: 'a', sk: 1 }, ConditionExpression: 'hits > :n',
        ExpressionAttributeValues: { ':n': 5 },
    })), (e) => e.name === 'ConditionalCheckFailedException');
    await assert.rejects(doc.send(new TransactWriteCommand({
        TransactItems: [
            { Put: { TableName: 'js-things', Item: { pk: 'b', sk: 1 } } },
            { ConditionCheck: { TableName: 'js-things', Key: { pk: 'a', sk: 1 },
                ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
    })), (e) => e.name === 'TransactionCanceledException');
    const none = await doc.send(new GetCommand({ TableName: 'js-things', Key: { pk: 'b', sk: 1 } }));
    assert.equal(none.Item, undefined);
    // PartiQL through the document client (parameters marshalled from JS values).
    await doc.send(new ExecuteStatementCommand({
        Statement: 'INSERT INTO "js-things" VALUE {\'pk\': ?, \'sk\': ?, \'tags\': ?}',
        Parameters: ['p', 1, new Set(['x'])],
    }));
    await assert.rejects(doc.send(new ExecuteStatementCommand({
        Statement: 'INSERT INTO "js-things" VALUE {\'pk\': \'p\', \'sk\': 1}',
    })), (e) => e.name === 'DuplicateItemException');
    await doc.send(new ExecuteTransactionCommand({
        TransactStatements: [
            { Statement: 'UPDATE "js-things" SET n = ? WHERE pk = ? AND sk = ?', Parameters: [7, 'p', 1] },
            { Statement: 'INSERT INTO "js-things" VALUE {\'pk\': \'p\', \'sk\': 2}' },
        ],
    }));
    const sel = await doc.send(new ExecuteStatementCommand({
        Statement: 'SELECT sk, n FROM "js-things" WHERE pk = ?', Parameters: ['p'],
    }));
    assert.deepEqual(sel.Items, [{ sk: 1, n: 7 }, { sk: 2 }]);
    console.log('sdk v3 dynamodb: all checks passed');
}

main().catch((e) => { console.error(e); process.exit(1); });
