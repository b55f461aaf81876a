// SES v1 and v2 through the AWS SDK for JavaScript v3 (@aws-sdk/client-ses, client-sesv2),
// driven by test_ses_sdk_js_v3.py: node ses_sdk_js_v3.cjs ENDPOINT CLIENTS_DIR. Prints one JSON
// line {"v1": id, "v2": id, "raw": id, "template": id} for the Python side to read back.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');

const [endpoint, clientsDir] = process.argv.slice(2);
const mod = (name) => require(path.join(clientsDir, 'node_modules', '@aws-sdk', name));
const v1 = mod('client-ses');
const v2 = mod('client-sesv2');

const config = {
    endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

async function main() {
    const ses = new v1.SESClient(config);
    const sesv2 = new v2.SESv2Client(config);
    await ses.send(new v1.VerifyEmailIdentityCommand({ EmailAddress: 'js@example.com' }));
    const ids = await ses.send(new v1.ListIdentitiesCommand({}));
    assert.deepEqual(ids.Identities, ['js@example.com']);
    const sent = await ses.send(new v1.SendEmailCommand({
        Source: 'js@example.com',
        Destination: { ToAddresses: ['to@example.com'] },
        Message: { Subject: { Data: 'JS v1' },
                   Body: { Text: { Data: 'js text' }, Html: { Data: '<p>js</p>' } } },
    }));
    const raw = await ses.send(new v1.SendRawEmailCommand({
        RawMessage: { Data: Buffer.from('From: js@example.com\r\nTo: raw@example.com\r\n' +
                                        'Subject: JS raw\r\n\r\nraw js\r\n') },
    }));
    await sesv2.send(new v2.CreateEmailTemplateCommand({
        TemplateName: 'jst', TemplateContent: { Subject: 'JS {{n}}', Html: '<b>{{n}}</b>' },
    }));
    const tmpl = await sesv2.send(new v2.SendEmailCommand({
        FromEmailAddress: 'js@example.com', Destination: { ToAddresses: ['t@example.com'] },
        Content: { Template: { TemplateName: 'jst', TemplateData: '{"n": "five"}' } },
    }));
    const simple = await sesv2.send(new v2.SendEmailCommand({
        FromEmailAddress: 'js@example.com', Destination: { ToAddresses: ['v2@example.com'] },
        Content: { Simple: { Subject: { Data: 'JS v2' }, Body: { Text: { Data: 'v2 js' } } } },
    }));
    const got = await sesv2.send(new v2.GetEmailIdentityCommand({ EmailIdentity: 'js@example.com' }));
    assert.equal(got.IdentityType, 'EMAIL_ADDRESS');
    await assert.rejects(
        sesv2.send(new v2.GetEmailTemplateCommand({ TemplateName: 'absent' })),
        (e) => e.name === 'NotFoundException' && e.$metadata.httpStatusCode === 404);
    await assert.rejects(
        ses.send(new v1.GetTemplateCommand({ TemplateName: 'absent' })),
        (e) => e.name === 'TemplateDoesNotExist' || e.Code === 'TemplateDoesNotExist');
    console.log(JSON.stringify({ v1: sent.MessageId, raw: raw.MessageId,
                                 template: tmpl.MessageId, v2: simple.MessageId }));
}

main().catch((e) => { console.error(e); process.exit(1); });
