export const id = 753;
export const ids = [753];
export const modules = {

/***/ 1753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit)
});

// UNUSED EXPORTS: UNPACED_WRITES, pacedGroup, proxyVariable

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(9210);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./src/github/request-failure.ts
var request_failure = __webpack_require__(4221);
;// CONCATENATED MODULE: ./src/github/retry-policy-plugin.ts

/** Rate-limit answers belong to plugin-throttling; the same tests it uses. */
function isRateLimited(status, message, headers) {
    if (status !== 403 && status !== 429)
        return false;
    return /\bsecondary rate\b/i.test(message) || headers['x-ratelimit-remaining'] === '0';
}
function retryAfterSeconds(headers) {
    const value = Number(headers['retry-after']);
    return headers['retry-after'] !== undefined && Number.isFinite(value) ? value : null;
}
/**
 * Sits between plugin-throttling (inside) and plugin-retry (outside). plugin-retry would retry any
 * 4xx/5xx outside its deny-list on its own schedule; this hook makes the pure policy decide instead:
 * it sets the per-request `retries` plugin-retry honours, logs, and does the wait itself
 * (plugin-retry runs with `retryAfterBaseValue: 0`). Rate-limit errors that reach it were already
 * given up on by plugin-throttling and are final.
 */
function retryPolicyPlugin(decide, logger, sleep) {
    return function retryPolicy(octokit) {
        // A call that passes no `request` option gets Octokit's default object, shared by every call;
        // the retry counters written into it would leak from one request into the next. Own copy each.
        octokit.hook.before('request', (options) => {
            options.request = { ...options.request };
        });
        octokit.hook.error('request', async (error, options) => {
            const knobs = options.request;
            const failure = (0,request_failure/* requestFailure */.S)(error);
            const status = failure.status;
            const retryable = status !== null && (status >= 500 || status === 429) && !isRateLimited(status, failure.message, failure.headers);
            if (!retryable) {
                knobs.retries = 0;
                throw error;
            }
            const retryCount = knobs.retryCount ?? 0;
            const decision = decide({
                kind: 'server',
                retryAfterSeconds: retryAfterSeconds(failure.headers),
                retryCount,
                method: options.method,
                url: options.url
            });
            if (!decision.retry) {
                knobs.retries = 0;
                logger.warning(`GitHub: ${decision.reason}`);
                throw error;
            }
            knobs.retries = retryCount + 1;
            logger.info(`GitHub: ${decision.reason} (HTTP ${status})`);
            await sleep(decision.waitMs);
            throw error;
        });
        return {};
    };
}

;// CONCATENATED MODULE: ./src/github/throttle-policy.ts
// When a GitHub request fails for a reason that may pass, should it be sent again, and when?
// Pure, so the table of cases is tested without a clock or a network.
const DEFAULT_THROTTLE_SETTINGS = { maxRetries: 3, maxWaitMs: 120_000, timeScale: 1 };
// GitHub's guidance: after a secondary limit without retry-after, wait at least a minute, and longer each time.
const SECONDARY_FALLBACK_SECONDS = 60;
const PRIMARY_FALLBACK_SECONDS = 60;
function seconds(ms) {
    return `${Math.round(ms / 1000)}s`;
}
/** Unscaled wait, or null when GitHub's own instruction is longer than we are willing to wait. */
function plannedWaitMs(question, settings) {
    const told = question.retryAfterSeconds !== null && question.retryAfterSeconds >= 0 ? question.retryAfterSeconds * 1000 : null;
    if (question.kind === 'primary')
        return { ms: told ?? PRIMARY_FALLBACK_SECONDS * 1000, imposed: true };
    if (question.kind === 'secondary') {
        return { ms: told ?? SECONDARY_FALLBACK_SECONDS * 1000 * 2 ** question.retryCount, imposed: true };
    }
    // Server errors: our own quadratic backoff (1 s, 4 s, 9 s), never sooner than a retry-after.
    const backoff = Math.min((question.retryCount + 1) ** 2 * 1000, settings.maxWaitMs);
    return told !== null && told > backoff ? { ms: told, imposed: true } : { ms: backoff, imposed: false };
}
function throttlePolicy(question, settings = DEFAULT_THROTTLE_SETTINGS) {
    const request = `${question.method.toUpperCase()} ${question.url}`;
    const what = question.kind === 'server' ? 'a server error' : `the ${question.kind} rate limit`;
    if (question.retryCount >= settings.maxRetries) {
        return { retry: false, waitMs: 0, reason: `${request} hit ${what} again; giving up after ${settings.maxRetries} retries` };
    }
    const wait = plannedWaitMs(question, settings);
    // Retrying sooner than GitHub said only earns another refusal, so a wait past the cap is a failure, not a shorter wait.
    if (wait.imposed && wait.ms > settings.maxWaitMs) {
        return {
            retry: false,
            waitMs: 0,
            reason: `${request} hit ${what}; GitHub asks to wait ${seconds(wait.ms)}, longer than the ${seconds(settings.maxWaitMs)} this run waits`
        };
    }
    const waitMs = Math.round(wait.ms * settings.timeScale);
    return {
        retry: true,
        waitMs,
        reason: `${request} hit ${what}; retry ${question.retryCount + 1}/${settings.maxRetries} in ${seconds(wait.ms)}`
    };
}

;// CONCATENATED MODULE: ./src/github/create-octokit.ts





// The light build: the same limiter without Redis clustering, and the copy plugin-throttling
// already bundles, so the entry carries bottleneck once.



// What @actions/github's getOctokit builds (core + REST methods + pagination). The client is made
// here rather than by getOctokit because importing @actions/github bundles undici and
// @actions/http-client into the entry and reads the event payload at import; the proxy support
// they give is kept by `chooseFetch`, loaded only when a proxy is set.
const GitHub = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._, dist_bundle/* paginateRest */.ud);
// GitHub asks integrations to space content-creating requests; these are plugin-throttling's own figures.
const WRITE_SPACING_MS = 1000;
const NOTIFICATION_SPACING_MS = 3000;
const SEARCH_SPACING_MS = 2000;
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
        proxied ??= Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(134)]).then(__webpack_require__.bind(__webpack_require__, 5134)).then((module) => module.createProxyFetch(baseUrl));
        return (await proxied)(url, init);
    };
}
/** @actions/github's user agent suffix, so GitHub can tie requests to the workflow run. */
function withOrchestrationId(userAgent, env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `${userAgent} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : userAgent;
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * A limiter group that runs one job at a time and spaces jobs `ms` apart once `unpaced` jobs have
 * started. Bottleneck computes a job's earliest start when the job before it registers, so the
 * spacing is switched on after job `unpaced - 1` starts, which makes job `unpaced + 1` the first
 * to wait.
 */
function pacedGroup(ms, unpaced) {
    if (unpaced <= 1 || ms <= 0)
        return new (light_default()).Group({ maxConcurrent: 1, minTime: ms });
    const group = new (light_default()).Group({ maxConcurrent: 1, minTime: 0 });
    group.on('created', (limiter) => {
        let started = 0;
        limiter.on('executing', () => {
            started += 1;
            if (started === unpaced - 1)
                void limiter.updateSettings({ minTime: ms });
        });
    });
    return group;
}
const UNPACED_WRITES = 10;
function pacingGroups(timeScale, unpacedWrites) {
    // Own groups per client (the plugin's defaults are process-wide), scaled with the waits.
    const scaled = (ms) => Math.round(ms * timeScale);
    return {
        write: pacedGroup(scaled(WRITE_SPACING_MS), unpacedWrites),
        notifications: pacedGroup(scaled(NOTIFICATION_SPACING_MS), unpacedWrites),
        search: pacedGroup(scaled(SEARCH_SPACING_MS), 1)
    };
}
/**
 * The one Octokit of a run: plugin-throttling for rate limits and write pacing, plugin-retry for
 * 5xx, both deciding through `throttlePolicy` and logging each retry.
 */
function createOctokit(settings) {
    const policy = { ...DEFAULT_THROTTLE_SETTINGS, ...settings.throttle };
    const sleep = settings.sleep ?? realSleep;
    const { logger } = settings;
    const onLimit = (kind) => async (retryAfter, options, _octokit, retryCount) => {
        const decision = throttlePolicy({ kind, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null, retryCount, method: options.method, url: options.url }, policy);
        if (!decision.retry) {
            logger.warning(`GitHub: ${decision.reason}`);
            return false;
        }
        logger.info(`GitHub: ${decision.reason}`);
        await sleep(decision.waitMs);
        return true;
    };
    // The proxy variables are read from the process, as @actions/http-client reads them.
    const env = process.env;
    const baseUrl = settings.baseUrl.replace(/\/+$/, '');
    const fetchImpl = chooseFetch(baseUrl, env);
    const Client = GitHub.plugin(plugin_throttling_dist_bundle/* throttling */.A, retryPolicyPlugin((question) => throttlePolicy(question, policy), logger, sleep), plugin_retry_dist_bundle/* retry */.L);
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
        },
        throttle: {
            // The handlers sleep for the policy's wait; the plugin adds none of its own.
            retryAfterBaseValue: 0,
            ...pacingGroups(policy.timeScale, settings.unpacedWrites ?? UNPACED_WRITES),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary')
        },
        retry: { retries: policy.maxRetries, retryAfterBaseValue: 0 }
    });
}


/***/ })

};
