export const id = 714;
export const ids = [714];
export const modules = {

/***/ 27714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openMcpServers: () => (/* binding */ openMcpServers)
});

// UNUSED EXPORTS: serverSecrets

// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js + 31 modules
var esm_client = __webpack_require__(30063);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/sse.js + 1 modules
var sse = __webpack_require__(10053);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/streamableHttp.js + 2 modules
var streamableHttp = __webpack_require__(83491);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/text/redact-secrets.ts
var redact_secrets = __webpack_require__(68118);
// EXTERNAL MODULE: ./src/text/sanitize-untrusted.ts + 1 modules
var sanitize_untrusted = __webpack_require__(58711);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/shared/stdio.js
var stdio = __webpack_require__(6224);
;// CONCATENATED MODULE: ./src/mcp/group-stdio-transport.ts
// The MCP stdio transport, with the server in its own process group: `npx server` starts a
// shell, npm and node, and stopping only the first would leave the others running on the runner.
// Closing ends stdin, then signals the whole group (TERM, then KILL); a process exit on any path
// (error, cancel) kills every group still open.


/** How long a server gets to exit on its own after stdin closes, then after SIGTERM. */
const GRACE_MS = 1_000;
/** What the server wrote to stderr, for the message when it fails: the end says why. */
const STDERR_TAIL = 2_000;
/** Process groups still open, killed when the process exits however it exits. */
const openGroups = new Set();
let exitHookInstalled = false;
const SIGNALS = ['SIGINT', 'SIGTERM'];
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is gone already.
    }
}
function killOpenGroups() {
    for (const pid of openGroups)
        killGroup(pid, 'SIGKILL');
    openGroups.clear();
}
/**
 * A cancelled job gets SIGINT, then SIGTERM. The servers are in their own groups, so the runner's
 * signal does not reach them: they are killed here first. When nothing else listens for the
 * signal, it is then raised again, so the process ends as it would have without this listener.
 */
function onSignal(signal) {
    killOpenGroups();
    if (process.listenerCount(signal) === 1) {
        for (const s of SIGNALS)
            process.removeListener(s, onSignal);
        process.kill(process.pid, signal);
    }
}
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on('exit', killOpenGroups);
    for (const signal of SIGNALS)
        process.on(signal, onSignal);
}
class GroupStdioTransport {
    options;
    onclose;
    onerror;
    onmessage;
    child = null;
    buffer = new stdio/* ReadBuffer */.pt();
    stderrTail = '';
    exited = null;
    constructor(options) {
        this.options = options;
    }
    /** The process group's id (the server's pid), once started. */
    get pid() {
        return this.child?.pid ?? null;
    }
    /** The end of what the server wrote to stderr. */
    get stderr() {
        return this.stderrTail;
    }
    start() {
        if (this.child)
            throw new Error('already started');
        installExitHook();
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.options.command, this.options.args, {
                env: this.options.env,
                cwd: this.options.cwd,
                stdio: ['pipe', 'pipe', 'pipe'],
                detached: true,
                shell: false,
                windowsHide: true
            });
            this.child = child;
            this.exited = new Promise((done) => child.once('close', () => done()));
            child.once('error', (error) => {
                if (child.pid !== undefined)
                    openGroups.delete(child.pid);
                reject(error);
                this.onerror?.(error);
            });
            child.once('spawn', () => {
                if (child.pid !== undefined)
                    openGroups.add(child.pid);
                resolve();
            });
            child.once('close', () => {
                this.child = null;
                this.onclose?.();
            });
            child.stdin?.on('error', (error) => this.onerror?.(error));
            child.stdout?.on('data', (chunk) => {
                this.buffer.append(chunk);
                for (;;) {
                    let message;
                    try {
                        message = this.buffer.readMessage();
                    }
                    catch (error) {
                        this.onerror?.(error);
                        continue;
                    }
                    if (message === null)
                        break;
                    this.onmessage?.(message);
                }
            });
            child.stderr?.on('data', (chunk) => {
                this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
            });
        });
    }
    send(message) {
        const stdin = this.child?.stdin;
        if (!stdin)
            return Promise.reject(new Error('the server is not running'));
        return new Promise((resolve) => {
            if (stdin.write((0,stdio/* serializeMessage */.Ex)(message)))
                resolve();
            else
                stdin.once('drain', resolve);
        });
    }
    async close() {
        const child = this.child;
        const pid = child?.pid;
        if (child && pid !== undefined) {
            const exited = this.exited ?? Promise.resolve();
            const within = (ms) => Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), ms).unref())]);
            try {
                child.stdin?.end();
            }
            catch {
                // already closed
            }
            if (!(await within(GRACE_MS))) {
                killGroup(pid, 'SIGTERM');
                if (!(await within(GRACE_MS)))
                    killGroup(pid, 'SIGKILL');
            }
            // The leader may be gone while programs it started still run in its group.
            killGroup(pid, 'SIGKILL');
            openGroups.delete(pid);
        }
        this.buffer.clear();
    }
}

;// CONCATENATED MODULE: ./src/mcp/mcp-result-text.ts
// What the model reads of an MCP tool's result: its text, and a one-line description of anything
// else (images, audio, resources). The server is outside the action, so its output is untrusted
// text, sanitised like code (hidden parts become visible notes) and capped. Pure.

/** Characters of one result the model reads; more is cut with a note. */
const MCP_RESULT_LIMIT = 20_000;
/** Characters of a tool's description the model is shown. */
const MCP_DESCRIPTION_LIMIT = 2_000;
function cut(text, limit) {
    return text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters not shown)` : text;
}
const str = (value) => (typeof value === 'string' ? value : '');
function size(base64) {
    return `${Math.floor((base64.length * 3) / 4)} bytes`;
}
function blockText(block) {
    switch (block.type) {
        case 'text':
            return str(block.text);
        case 'image':
        case 'audio':
            return `[${block.type}: ${str(block.mimeType) || 'unknown type'}, ${size(str(block.data))}; not shown]`;
        case 'resource_link':
            return `[resource link: ${str(block.uri)}${block.name ? ` (${str(block.name)})` : ''}${block.mimeType ? `, ${str(block.mimeType)}` : ''}]`;
        case 'resource': {
            const resource = (typeof block.resource === 'object' && block.resource !== null ? block.resource : {});
            const head = `[resource: ${str(resource.uri)}${resource.mimeType ? `, ${str(resource.mimeType)}` : ''}]`;
            if (typeof resource.text === 'string')
                return `${head}\n${resource.text}`;
            return `${head.slice(0, -1)}, ${size(str(resource.blob))} of binary data; not shown]`;
        }
        default:
            return `[${typeof block.type === 'string' ? block.type : 'unknown'} content; not shown]`;
    }
}
/** A CallToolResult (or the older `{toolResult}` form) as the text the model reads. */
function mcpResultText(result) {
    const content = Array.isArray(result.content) ? result.content : [];
    let text = content.map(blockText).join('\n');
    if (!text && result.structuredContent !== undefined)
        text = JSON.stringify(result.structuredContent, null, 1);
    if (!text && result.toolResult !== undefined)
        text = JSON.stringify(result.toolResult, null, 1);
    return cut((0,sanitize_untrusted/* sanitizeCode */.$C)(text), MCP_RESULT_LIMIT);
}
/** A tool's description as the server wrote it, sanitised as prose and capped. */
function mcpDescription(description, server) {
    const own = typeof description === 'string' ? cut((0,sanitize_untrusted/* sanitizeUntrusted */._2)(description), MCP_DESCRIPTION_LIMIT) : '';
    return `${own ? `${own}\n` : ''}(from MCP server '${server}')`;
}

;// CONCATENATED MODULE: ./src/mcp/server-env.ts
// The environment an stdio MCP server starts with: a minimal base for finding programs and a home
// directory, plus exactly what its YAML `env` gives. Nothing else of the step's environment (the
// GitHub token, model keys, the runner's own tokens, the action's inputs) reaches the program. Pure.
/** What a program needs to start and find its tools, and nothing that grants access to anything. */
const BASE_ENV_NAMES = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'TERM',
    'LANG',
    'LC_ALL',
    'TZ',
    'TMPDIR',
    'TEMP',
    'TMP',
    // A self-hosted runner behind a proxy: the server's own network calls go through it too.
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy'
];
function serverEnv(stepEnv, yamlEnv) {
    const env = {};
    for (const name of BASE_ENV_NAMES) {
        const value = stepEnv[name];
        // An exported shell function (`() { …`) in the environment is code; it is not passed on.
        if (value !== undefined && !value.startsWith('()'))
            env[name] = value;
    }
    return { ...env, ...yamlEnv };
}

;// CONCATENATED MODULE: ./src/mcp/open-mcp-servers.ts
// The MCP port: an agent's servers, started when the agent starts, through the official SDK client,
// their tools offered under their own names, every call timed and recorded, and every server
// stopped when the agent ends. An stdio server is a program on the runner: it starts only when the
// run may execute code, with a scrubbed environment.









/** What the provider APIs accept as a tool name. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** The action's own tools; no server may shadow one. */
const RESERVED_PREFIX = 'github_';
/** A schema bigger than this is no tool a model should be offered (and would eat the context). */
const SCHEMA_LIMIT = 20_000;
/** An env variable or header that carries a credential, by its name. */
const SECRET_NAME = /token|key|secret|passw|credential|auth|cookie|session|pat$/i;
/** The values a server is given that are credentials: redacted from what it returns, masked in logs. */
function serverSecrets(def) {
    const values = [...Object.entries(def.env), ...Object.entries(def.headers)].filter(([name]) => SECRET_NAME.test(name)).map(([, value]) => value);
    // `Bearer abc…`: the credential alone too, however the server echoes it.
    return [...new Set([...values, ...values.map((v) => v.replace(/^\S+\s+/, ''))])].filter((v) => v.length >= 4);
}
const seconds = (s) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
function refusal(def, execution) {
    if (def.transport !== 'stdio' || execution.allowed)
        return null;
    return `MCP server '${def.name}' was not started: it runs a program on the runner (${def.command ?? ''}), and ${execution.reason}`;
}
function transportFor(def, options) {
    if (def.transport === 'stdio') {
        return new GroupStdioTransport({
            command: def.command ?? '',
            args: def.args,
            env: serverEnv(options.stepEnv, def.env),
            ...(options.cwd ? { cwd: options.cwd } : {})
        });
    }
    const url = new URL(def.endpoint ?? '');
    const requestInit = { headers: def.headers };
    return def.transport === 'sse'
        ? new sse/* SSEClientTransport */.A(url, { requestInit })
        : new streamableHttp/* StreamableHTTPClientTransport */.j(url, {
            requestInit,
            reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 }
        });
}
/** Why a server failed to start, with the end of its stderr for a program. */
function startFailure(def, transport, error) {
    const stderr = transport instanceof GroupStdioTransport ? transport.stderr.trim() : '';
    const tail = stderr ? `; its stderr ends: ${cut((0,sanitize_untrusted/* sanitizeUntrusted */._2)(stderr.slice(-300)), 300).replace(/\s+/g, ' ')}` : '';
    const where = def.transport === 'stdio' ? `'${[def.command, ...def.args].join(' ')}'` : def.endpoint;
    return `MCP server '${def.name}' (${def.transport}, ${where}) did not start within ${seconds(def.timeoutSecs)}: ${(0,errors/* errorMessage */.g)(error)}${tail}`;
}
async function connect(def, options) {
    const transport = transportFor(def, options);
    const client = new esm_client/* Client */.K({ name: 'github-agent', version: '1' }, { capabilities: {} });
    const timeout = def.timeoutSecs * 1000;
    try {
        await client.connect(transport, { timeout });
    }
    catch (error) {
        const message = startFailure(def, transport, error);
        await client.close().catch(() => { });
        await transport.close().catch(() => { });
        throw new Error(message, { cause: error });
    }
    return { def, client, transport };
}
async function listAll(server) {
    const tools = [];
    let cursor;
    try {
        do {
            const page = await server.client.listTools(cursor ? { cursor } : {}, { timeout: server.def.timeoutSecs * 1000 });
            tools.push(...page.tools);
            cursor = page.nextCursor;
        } while (cursor);
    }
    catch (error) {
        throw new Error(`MCP server '${server.def.name}' did not list its tools: ${cut((0,sanitize_untrusted/* sanitizeUntrusted */._2)((0,errors/* errorMessage */.g)(error)), 500)}`, { cause: error });
    }
    return tools;
}
function callTool(server, name, readOnly, ctx) {
    const { def, client } = server;
    const { calls, logger, secrets } = ctx;
    const timeoutSecs = def.toolTimeouts[name] ?? def.timeoutSecs;
    return async (input) => {
        if (ctx.dryRun && !readOnly) {
            calls.push({ server: def.name, tool: name, durationMs: 0, ok: false, error: 'not called: dry-run, and the server does not mark it read-only' });
            return {
                content: `dry-run: tool ${name} of MCP server '${def.name}' was not called (the server does not mark it read-only); nothing was done`,
                isError: false
            };
        }
        const started = performance.now();
        const record = (ok, error) => {
            const durationMs = Math.round(performance.now() - started);
            calls.push({ server: def.name, tool: name, durationMs, ok, ...(error ? { error } : {}) });
            logger.info(`MCP ${def.name}/${name}: ${ok ? 'ok' : `error: ${error ?? ''}`} (${durationMs} ms)`);
        };
        try {
            const result = (await client.callTool({ name, arguments: input }, undefined, { timeout: timeoutSecs * 1000 }));
            const content = (0,redact_secrets/* redactSecrets */.fp)(mcpResultText(result), secrets);
            const isError = result.isError === true;
            record(!isError, isError ? 'the tool reported an error' : undefined);
            return { content, isError };
        }
        catch (error) {
            const timedOut = /timed? ?out/i.test((0,errors/* errorMessage */.g)(error));
            const why = timedOut
                ? `did not answer within ${seconds(timeoutSecs)}`
                : `failed: ${(0,redact_secrets/* redactSecrets */.fp)(cut((0,sanitize_untrusted/* sanitizeUntrusted */._2)((0,errors/* errorMessage */.g)(error)), 500), secrets)}`;
            record(false, timedOut ? `timed out after ${seconds(timeoutSecs)}` : 'failed');
            return { content: `tool ${name} of MCP server '${def.name}' ${why}`, isError: true };
        }
    };
}
/** The server's tools the agent is offered, checked against its filter, each other and the agent's other tools. */
async function offeredTools(servers, options, calls) {
    const secrets = [...options.secrets, ...servers.flatMap((s) => serverSecrets(s.def))];
    const owner = new Map(options.otherTools.map((name) => [name, `the agent's tool '${name}'`]));
    const tools = [];
    for (const server of servers) {
        const { def } = server;
        const listed = await listAll(server);
        const wanted = def.tools;
        if (wanted) {
            const names = new Set(listed.map((t) => t.name));
            const missing = wanted.filter((n) => !names.has(n));
            if (missing.length > 0) {
                const has = [...names].slice(0, 30).join(', ') || 'none';
                throw new Error(`MCP server '${def.name}' has no tool ${missing.map((n) => `'${n}'`).join(', ')} (its tools: ${has}); fix tools: in its YAML at ${def.location.file}:${def.location.line}`);
            }
        }
        for (const tool of listed) {
            if (wanted && !wanted.includes(tool.name))
                continue;
            const schema = JSON.stringify(tool.inputSchema ?? {});
            if (!TOOL_NAME.test(tool.name) || schema.length > SCHEMA_LIMIT) {
                const why = TOOL_NAME.test(tool.name)
                    ? `its input schema is over ${SCHEMA_LIMIT} characters`
                    : 'its name is not one a model API accepts (letters, digits, _ and -)';
                if (wanted)
                    throw new Error(`MCP tool '${tool.name}' of server '${def.name}' cannot be offered: ${why}`);
                options.logger.warning(`MCP tool '${tool.name}' of server '${def.name}' is not offered: ${why}`);
                continue;
            }
            const clash = tool.name.startsWith(RESERVED_PREFIX) ? `github-agent's own ${RESERVED_PREFIX}* tools` : owner.get(tool.name);
            if (clash) {
                throw new Error(`MCP tool '${tool.name}' of server '${def.name}' has the same name as ${clash}; leave it out with the server's tools: list, or use another server`);
            }
            owner.set(tool.name, `tool '${tool.name}' of MCP server '${def.name}'`);
            const readOnly = tool.annotations?.readOnlyHint === true;
            tools.push({
                name: tool.name,
                description: mcpDescription(tool.description, def.name),
                inputSchema: { ...tool.inputSchema, type: 'object' },
                readOnly,
                run: callTool(server, tool.name, readOnly, { calls, logger: options.logger, secrets, dryRun: options.dryRun })
            });
        }
    }
    return tools;
}
async function closeAll(servers) {
    await Promise.allSettled(servers.map(async ({ client, transport }) => {
        if (transport instanceof streamableHttp/* StreamableHTTPClientTransport */.j)
            await transport.terminateSession().catch(() => { });
        await client.close().catch(() => { });
        // Client.close closes the transport; closing again makes sure a process group is gone.
        await transport.close().catch(() => { });
    }));
}
/**
 * Starts the agent's servers (all of them, in parallel) and lists their tools. Throws one sentence
 * naming the server when one may not start (stdio in a run that may not execute code), does not
 * start in time, or offers a tool that clashes; whatever was started is stopped first.
 */
async function openMcpServers(options) {
    for (const def of options.servers) {
        const refused = refusal(def, options.execution);
        if (refused)
            throw new Error(refused);
    }
    for (const secret of options.servers.flatMap(serverSecrets))
        options.maskSecret?.(secret);
    const started = await Promise.allSettled(options.servers.map((def) => connect(def, options)));
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
        await closeAll(servers);
        throw new Error((0,errors/* errorMessage */.g)(failed.reason));
    }
    const calls = [];
    let tools;
    try {
        tools = await offeredTools(servers, options, calls);
    }
    catch (error) {
        await closeAll(servers);
        throw error;
    }
    for (const { def } of servers)
        options.logger.info(`MCP server '${def.name}' (${def.transport}) started`);
    return { tools, calls, close: () => closeAll(servers) };
}


/***/ })

};
