// The jianfu extension: the grammars load without this file; it only starts
// `jianfu lsp` (findings as you type, hover, completion, formatting) when the
// configured program has that command and the language client library is
// installed (`npm install` in this folder). Without either, highlighting
// still works and the reason is written to the "jianfu" output channel.
'use strict';
const vscode = require('vscode');
const { execFile } = require('child_process');

let client;

/** Whether `program lsp --help` succeeds: an older jianfu has no `lsp`. */
function hasLsp(program) {
  return new Promise((resolve) => {
    execFile(program, ['lsp', '--help'], { timeout: 5000 }, (error) => resolve(!error));
  });
}

async function activate(context) {
  const log = vscode.window.createOutputChannel('jianfu');
  context.subscriptions.push(log);
  const settings = vscode.workspace.getConfiguration('jianfu');
  if (!settings.get('lsp.enabled', true)) return;
  const program = settings.get('path', 'jianfu') || 'jianfu';
  if (!(await hasLsp(program))) {
    log.appendLine(`${program} lsp is not available: highlighting only (set jianfu.path to a jianfu with \`lsp\`).`);
    return;
  }
  let lc;
  try {
    lc = require('vscode-languageclient/node');
  } catch (e) {
    log.appendLine('vscode-languageclient is not installed: run `npm install` in the extension folder for live findings.');
    return;
  }
  const server = { command: program, args: ['lsp'] };
  client = new lc.LanguageClient('jianfu', 'jianfu', server, {
    documentSelector: [
      { scheme: 'file', language: 'assess' },
      { scheme: 'file', language: 'jianfu-rules' },
      { scheme: 'file', language: 'yaml' },
    ],
    outputChannel: log,
  });
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
