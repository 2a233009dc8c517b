// The preview: a webview beside the editor showing the active argmap
// document's diagram, drawn by the server (`argmap/render`) as you type.
'use strict';

const crypto = require('crypto');
const vscode = require('vscode');
const { renderParams, nextPreview, placeOfNode, debounce, errorLines, previewPage } = require('./logic');

class Preview {
  /**
   * @param {vscode.ExtensionContext} context
   * @param {() => import('vscode-languageclient/node').LanguageClient | null} client
   */
  constructor(context, client) {
    this.context = context;
    this.client = client;
    this.panel = null;
    this.document = null;
    this.state = null;
    this.redraw = debounce(() => this.draw(), this.delay());
    context.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.redraw();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'argmap' &&
            editor.document !== this.document) {
          this.follow(editor.document);
        }
      }),
    );
  }

  delay() {
    return vscode.workspace.getConfiguration('argmap.preview').get('delay', 300);
  }

  show() {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'argmap') {
      vscode.window.showInformationMessage('Open an argmap file (.arg) to preview it.');
      return;
    }
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel('argmap.preview', 'argmap preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [media] });
      this.panel.webview.html = this.page(this.panel.webview, media);
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
      this.panel.onDidDispose(() => {
        this.panel = null;
        this.redraw.cancel();
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.follow(editor.document);
  }

  follow(document) {
    this.document = document;
    this.state = null;
    this.panel.title = 'Preview ' + document.uri.path.split('/').pop();
    this.draw();
  }

  refresh() {
    this.redraw = debounce(() => this.draw(), this.delay());
    if (this.panel && this.document) this.draw();
  }

  async draw() {
    const client = this.client();
    if (!this.panel || !this.document) return;
    if (!client) {
      this.panel.webview.postMessage({ type: 'show', svg: null, errors: ['The argmap language server is not running (see the error message, or the argmap.path setting).'] });
      return;
    }
    const settings = vscode.workspace.getConfiguration('argmap.preview');
    const params = renderParams(this.document.uri.toString(), {
      theme: settings.get('theme'), evaluation: settings.get('evaluation'),
    });
    let result;
    try {
      result = await client.sendRequest('argmap/render', params);
    } catch (e) {
      result = { svg: null, version: this.state ? this.state.version : 0, errors: [{ message: String(e.message || e), uri: '', line: 0 }] };
    }
    this.state = nextPreview(this.state, result);
    if (this.panel) {
      this.panel.webview.postMessage({ type: 'show', svg: this.state.svg, errors: errorLines(this.state.errors) });
    }
  }

  async onMessage(message) {
    if (message.type !== 'reveal') return;
    const place = placeOfNode(this.state, message.node);
    if (!place) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
    const column = this.document && document.uri.toString() === this.document.uri.toString()
      ? vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn
      : undefined;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column || vscode.ViewColumn.One });
    const position = new vscode.Position(place.line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  page(webview, media) {
    const nonce = crypto.randomBytes(16).toString('base64');
    const zoom = webview.asWebviewUri(vscode.Uri.joinPath(media, 'zoom.js'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    return previewPage({ csp: webview.cspSource, nonce, zoom, script, style });
  }
}

module.exports = { Preview };
