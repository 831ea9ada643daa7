export const id = 459;
export const ids = [459];
export const modules = {

/***/ 99459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit)
});

// UNUSED EXPORTS: UNPACED_WRITES, proxyVariable

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(35194);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(93779);
// EXTERNAL MODULE: ./src/retry/retry-policy.ts
var retry_policy = __webpack_require__(1607);
// EXTERNAL MODULE: ./src/retry/with-retry.ts
var with_retry = __webpack_require__(8231);
;// CONCATENATED MODULE: ./src/retry/pacing.ts
/** How long the next start waits: nothing for the first `unpaced`, then what is left of the spacing. */
function paceWaitMs(state, nowMs, rule) {
    if (state.lastStartMs === null || state.started < Math.max(rule.unpaced, 1))
        return 0;
    return Math.max(0, state.lastStartMs + rule.spacingMs - nowMs);
}
/** Takes turns in call order and holds each until its start is due. */
class Pacer {
    rule;
    clock;
    state = { started: 0, lastStartMs: null };
    queue = Promise.resolve();
    constructor(rule, clock) {
        this.rule = rule;
        this.clock = clock;
    }
    /** Resolves when the caller may start. */
    turn() {
        const mine = this.queue.then(async () => {
            const wait = paceWaitMs(this.state, this.clock.now(), this.rule);
            if (wait > 0)
                await this.clock.sleep(wait);
            this.state = { started: this.state.started + 1, lastStartMs: this.clock.now() };
        });
        // A sleep that rejected must not stop the turns after it.
        this.queue = mine.catch(() => undefined);
        return mine;
    }
}

// EXTERNAL MODULE: ./src/github/request-failure.ts
var request_failure = __webpack_require__(94221);
;// CONCATENATED MODULE: ./src/github/retry-and-pace.ts




// GitHub asks integrations to leave a second between content-creating requests, more for those
// that notify people; searches have their own low limit. These are plugin-throttling's figures.
const WRITE_SPACING_MS = 1000;
const NOTIFICATION_SPACING_MS = 3000;
const SEARCH_SPACING_MS = 2000;
// Operations GitHub's OpenAPI description marks `x-github.triggersNotification`; a test holds this
// list to the description in @octokit/openapi.
const NOTIFYING_ROUTES = [
    'DELETE /orgs/{org}/invitations/{invitation_id}',
    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values/{issue_field_id}',
    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue',
    'PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority',
    'POST /orgs/{org}/invitations',
    'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments',
    'POST /repos/{owner}/{repo}/issues',
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    'POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
    'POST /repos/{owner}/{repo}/pulls',
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments',
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    'POST /repos/{owner}/{repo}/releases',
    'PUT /repos/{owner}/{repo}/collaborators/{username}',
    'PUT /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
    'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
    'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge-async'
];
// A route template or an expanded path: a `{name}` segment matches any one segment.
const NOTIFYING = new RegExp(`^(?:${NOTIFYING_ROUTES.map((route) => route.replace(/\{[^}]+\}/g, '[^/]+')).join('|')})$`, 'i');
/** The pacing lanes a request passes, in order: every write, then notifying writes; searches. */
function lanesOf(method, url) {
    const path = decodeURIComponent(new URL(url, 'http://github.test').pathname);
    const verb = method.toUpperCase();
    if (verb === 'GET' || verb === 'HEAD')
        return path.startsWith('/search/') ? ['search'] : [];
    return NOTIFYING.test(`${verb} ${path}`) ? ['write', 'notification'] : ['write'];
}
/** A GraphQL query (not a mutation) is sent by POST but reads: it is neither paced nor kept from a retry. */
function isGraphQLQuery(url, query) {
    return new URL(url, 'http://github.test').pathname.endsWith('/graphql') && typeof query === 'string' && !/^\s*mutation\b/.test(query);
}
// Error codes of a connection that was never made: the request was not sent.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
function causeCodes(error) {
    const codes = [];
    let current = error;
    for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
        const { code, cause } = current;
        if (typeof code === 'string')
            codes.push(code);
        current = cause;
    }
    return codes;
}
/**
 * What kind of failure a GitHub request met, by GitHub's documented signs: a secondary rate limit
 * is a 403 or 429 whose message says so; a spent quota is a 403 or 429 with
 * `x-ratelimit-remaining: 0`. Octokit reports a request that got no answer as a status 500
 * without a response.
 */
function githubFailure(error) {
    const failure = (0,request_failure/* requestFailure */.S)(error);
    const { status, headers } = failure;
    const shape = (typeof error === 'object' && error !== null ? error : {});
    if (status === null || shape.response === undefined) {
        // Anything else thrown on the way (not a RequestError) is no network trouble; a retry cannot fix it.
        if (shape.request === undefined)
            return { kind: 'fatal', status: null, headers: {} };
        return { kind: causeCodes(error).some((code) => NOT_SENT.has(code)) ? 'connection' : 'timeout', status: null, headers: {} };
    }
    if (status === 403 || status === 429) {
        if (/\bsecondary rate\b/i.test(failure.message))
            return { kind: 'secondary_limit', status, headers };
        if (headers['x-ratelimit-remaining'] === '0')
            return { kind: 'primary_limit', status, headers };
    }
    return { kind: (0,retry_policy/* kindOfStatus */.o3)(status), status, headers };
}
function paceRules(settings) {
    const scaled = (ms) => Math.round(ms * settings.retry.timeScale);
    return {
        write: { spacingMs: scaled(WRITE_SPACING_MS), unpaced: settings.unpacedWrites },
        notification: { spacingMs: scaled(NOTIFICATION_SPACING_MS), unpaced: settings.unpacedWrites },
        search: { spacingMs: scaled(SEARCH_SPACING_MS), unpaced: 1 }
    };
}
/** An Octokit plugin; its pacers belong to the one client it is applied to. */
function retryAndPace(settings) {
    return function retryAndPacePlugin(octokit) {
        const rules = paceRules(settings);
        const pacers = new Map();
        const pacer = (lane) => {
            let found = pacers.get(lane);
            if (!found)
                pacers.set(lane, (found = new Pacer(rules[lane], settings.clock)));
            return found;
        };
        octokit.hook.wrap('request', async (request, options) => {
            const readOnly = isGraphQLQuery(options.url, options.query);
            const lanes = readOnly ? [] : lanesOf(options.method, options.url);
            const send = async () => {
                for (const lane of lanes)
                    await pacer(lane).turn();
                return request(options);
            };
            return (0,with_retry/* withRetry */.b)(send, {
                settings: settings.retry,
                clock: settings.clock,
                logger: settings.logger,
                label: `GitHub: ${options.method} ${options.url}`,
                // A POST creates something (a comment, a review, a check run): sent twice, it may exist twice.
                replaySafe: readOnly || options.method.toUpperCase() !== 'POST',
                classify: githubFailure
            });
        });
        return {};
    };
}

;// CONCATENATED MODULE: ./src/github/create-octokit.ts





// Octokit's core (typed `request` for every REST route) and pagination: every call in src/github/api
// names its route, so the REST endpoint-methods plugin (`octokit.rest.*`) is not bundled. The
// client is made here rather than by @actions/github's getOctokit because importing that bundles
// undici and @actions/http-client into the entry and reads the event payload at import; the proxy
// support they give is kept by `chooseFetch`, loaded only when a proxy is set.
const GitHub = dist_src/* Octokit */.E.plugin(dist_bundle/* paginateRest */.ud);
/**
 * The proxy variable @actions/http-client reads for this URL (`https_proxy` for https, …), or
 * undefined when the runner sets none.
 */
function proxyVariable(baseUrl, env) {
    const https = new URL(baseUrl).protocol === 'https:';
    const value = https ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
    return value ? value : undefined;
}
/**
 * Node's fetch, or, when a proxy is set, @actions/github's proxy-aware fetch, imported on the
 * first request (`src/github/proxy-fetch.ts`).
 */
function chooseFetch(baseUrl, env) {
    if (!proxyVariable(baseUrl, env))
        return undefined;
    let proxied;
    return async (url, init) => {
        proxied ??= Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(134)]).then(__webpack_require__.bind(__webpack_require__, 25134)).then((module) => module.createProxyFetch(baseUrl));
        return (await proxied)(url, init);
    };
}
/** @actions/github's user agent suffix, so GitHub can tie requests to the workflow run. */
function withOrchestrationId(userAgent, env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `${userAgent} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : userAgent;
}
const UNPACED_WRITES = 10;
/** The one Octokit of a run: every request paced and retried by `retryAndPace`. */
function createOctokit(settings) {
    // The proxy variables are read from the process, as @actions/http-client reads them.
    const env = process.env;
    const baseUrl = settings.baseUrl.replace(/\/+$/, '');
    const fetchImpl = chooseFetch(baseUrl, env);
    const { logger } = settings;
    const Client = GitHub.plugin(retryAndPace({
        retry: { ...retry_policy/* GITHUB_RETRY */.Bp, ...settings.retry },
        clock: settings.clock ?? with_retry/* realClock */.d,
        logger: settings.logger,
        unpacedWrites: settings.unpacedWrites ?? UNPACED_WRITES
    }));
    return new Client({
        auth: settings.token,
        baseUrl,
        userAgent: withOrchestrationId(settings.userAgent ?? 'github-agent', env),
        ...(fetchImpl ? { request: { fetch: fetchImpl } } : {}),
        log: {
            debug: (message) => logger.debug(message),
            info: (message) => logger.debug(message),
            warn: (message) => logger.warning(message),
            error: (message) => logger.warning(message)
        }
    });
}


/***/ })

};
