// Lambda through the AWS SDK for JavaScript v3 (@aws-sdk/client-lambda): create, invoke (sync,
// Tail, function error, Event), versions and aliases. Usage: node lambda_sdk_js_v3.cjs ENDPOINT DIR
const path = require("path");
const assert = require("assert");
const [endpoint, clientsDir] = process.argv.slice(2);
const L = require(path.join(clientsDir, "node_modules", "@aws-sdk", "client-lambda"));

// An empty zip archive.
const zip = Buffer.from("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "base64");
const role = "arn:aws:iam::000000000000:role/lambda-role";

(async () => {
    const client = new L.LambdaClient({
        endpoint, region: "us-east-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const created = await client.send(new L.CreateFunctionCommand({
        FunctionName: "greetingsOnDemand", Runtime: "provided.al2023", Role: role,
        Handler: "greetingsOnDemand", Code: { ZipFile: zip },
    }));
    assert.strictEqual(created.FunctionArn,
        "arn:aws:lambda:us-east-1:000000000000:function:greetingsOnDemand");
    const res = await client.send(new L.InvokeCommand({
        FunctionName: "greetingsOnDemand", Payload: Buffer.from('{"name":"John"}'), LogType: "Tail",
    }));
    assert.strictEqual(res.StatusCode, 200);
    assert.strictEqual(JSON.parse(Buffer.from(res.Payload).toString()), "Hello John!");
    assert.ok(Buffer.from(res.LogResult, "base64").toString().includes("REPORT RequestId"));

    await client.send(new L.CreateFunctionCommand({
        FunctionName: "boom", Runtime: "provided.al2023", Role: role, Handler: "fail",
        Code: { ZipFile: zip },
    }));
    const err = await client.send(new L.InvokeCommand({
        FunctionName: "boom", Payload: Buffer.from('{"message":"nope"}'),
    }));
    assert.strictEqual(err.FunctionError, "Unhandled");
    assert.strictEqual(JSON.parse(Buffer.from(err.Payload).toString()).errorMessage, "nope");

    const ev = await client.send(new L.InvokeCommand({
        FunctionName: "greetingsOnDemand", InvocationType: "Event", Payload: Buffer.from("{}"),
    }));
    assert.strictEqual(ev.StatusCode, 202);

    const v = await client.send(new L.PublishVersionCommand({ FunctionName: "greetingsOnDemand" }));
    assert.strictEqual(v.Version, "1");
    await client.send(new L.CreateAliasCommand({
        FunctionName: "greetingsOnDemand", Name: "live", FunctionVersion: "1",
    }));
    const viaAlias = await client.send(new L.InvokeCommand({
        FunctionName: "greetingsOnDemand", Qualifier: "live", Payload: Buffer.from("{}"),
    }));
    assert.strictEqual(viaAlias.ExecutedVersion, "1");

    try {
        await client.send(new L.GetFunctionCommand({ FunctionName: "missing" }));
        assert.fail("expected ResourceNotFoundException");
    } catch (e) {
        assert.strictEqual(e.name, "ResourceNotFoundException");
        assert.strictEqual(e.$metadata.httpStatusCode, 404);
    }
    const list = await client.send(new L.ListFunctionsCommand({}));
    assert.deepStrictEqual(list.Functions.map((f) => f.FunctionName).sort(),
        ["boom", "greetingsOnDemand"]);
    console.log("sdk v3 lambda: all checks passed");
})().catch((e) => { console.error(e); process.exit(1); });
