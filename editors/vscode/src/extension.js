// The argmap extension: starts `argmap lsp` for argmap files and opens a
// live preview beside the editor. Everything it knows about maps comes
// from the server; the logic of its own is in logic.js.
'use strict';

const fs = require('fs');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findServer } = require('./logic');
const { Preview } = require('./preview');

let client = null;
let preview = null;

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function startClient(context) {
  const setting = vscode.workspace.getConfiguration('argmap').get('path');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const found = findServer(setting, {
    pathEnv: process.env.PATH || '',
    cwd: folder ? folder.uri.fsPath : undefined,
    isExecutable,
  });
  if (found.error) {
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings');
    if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'argmap.path');
    return null;
  }
  // No `transport`: the client would add `--stdio`; `argmap lsp` talks over
  // standard input and output anyway.
  const run = { command: found.command, args: ['lsp'] };
  const c = new LanguageClient('argmap', 'argmap', { run, debug: run }, {
    documentSelector: [{ language: 'argmap' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.arg') },
  });
  try {
    await c.start();
  } catch (e) {
    vscode.window.showErrorMessage(`argmap: the language server (${found.command} lsp) did not start: ${e.message || e}`);
    return null;
  }
  context.subscriptions.push(c);
  return c;
}

async function activate(context) {
  // The commands first, so that they exist whatever happens to the server.
  preview = new Preview(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('argmap.showPreview', () => preview.show()),
    vscode.commands.registerCommand('argmap.restartServer', async () => {
      if (client) await client.stop();
      client = await startClient(context);
      preview.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('argmap.preview')) preview.refresh();
    }),
  );
  client = await startClient(context);
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
