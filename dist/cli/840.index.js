export const id = 840;
export const ids = [840];
export const modules = {

/***/ 3840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/config/load-config.ts + 52 modules
var load_config = __webpack_require__(1678);
// EXTERNAL MODULE: ./src/config/workspace-source.ts
var workspace_source = __webpack_require__(7961);
;// CONCATENATED MODULE: ./src/event/payload-readers.ts
// Webhook payloads are untrusted JSON of many shapes: every read is checked, none throws.
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}
function asString(value) {
    return typeof value === 'string' ? value : null;
}
/** Finite numbers only: a NaN or Infinity would print as text no one asked for. */
function asNumber(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function asBoolean(value) {
    return typeof value === 'boolean' ? value : null;
}
/** `labels: [{name}]` as GitHub sends them; anything malformed is skipped. */
function labelNames(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((label) => {
        const name = asString(asRecord(label)?.name);
        return name === null ? [] : [name];
    });
}
/** `user.login` of an object that has a `user`. */
function loginOf(value) {
    return asString(asRecord(asRecord(value)?.user)?.login);
}
/** An issue that is really a PR: GitHub marks it with `issue.pull_request`. */
function issueIsPullRequest(issue) {
    return issue !== null && asRecord(issue.pull_request) !== null;
}

;// CONCATENATED MODULE: ./src/event/build-metadata.ts

// Every group sets all its names (null when the payload lacks a value), so templates see the same
// names for every event of a kind and a missing number is never NaN or undefined.
function common(eventName, payload, fallbackRepository) {
    const repo = asRecord(payload.repository);
    const sender = asRecord(payload.sender);
    return {
        event_type: eventName,
        action: asString(payload.action),
        repo_id: asNumber(repo?.id),
        repo_full_name: asString(repo?.full_name) ?? fallbackRepository,
        repo_private: asBoolean(repo?.private),
        sender_id: asNumber(sender?.id),
        sender_login: asString(sender?.login)
    };
}
function pullRequest(pr) {
    const base = asRecord(pr.base);
    const head = asRecord(pr.head);
    return {
        pr_number: asNumber(pr.number),
        pr_title: asString(pr.title),
        pr_state: asString(pr.state),
        pr_draft: asBoolean(pr.draft),
        pr_base_ref: asString(base?.ref),
        pr_head_ref: asString(head?.ref),
        pr_head_sha: asString(head?.sha),
        pr_additions: asNumber(pr.additions),
        pr_deletions: asNumber(pr.deletions),
        pr_changed_files: asNumber(pr.changed_files),
        pr_html_url: asString(pr.html_url),
        pr_author: loginOf(pr),
        pr_merged: asBoolean(pr.merged),
        issue_labels: labelNames(pr.labels)
    };
}
/**
 * A comment on a PR carries the PR only as an issue: what the issue knows is filled here, the rest
 * (refs, SHA, sizes) stays null until `withPullRequest` adds it from the PR itself.
 */
function pullRequestFromIssue(issue) {
    const link = asRecord(issue.pull_request);
    const mergedAt = link?.merged_at;
    return {
        pr_number: asNumber(issue.number),
        pr_title: asString(issue.title),
        pr_state: asString(issue.state),
        pr_draft: asBoolean(issue.draft),
        pr_base_ref: null,
        pr_head_ref: null,
        pr_head_sha: null,
        pr_additions: null,
        pr_deletions: null,
        pr_changed_files: null,
        pr_html_url: asString(link?.html_url) ?? asString(issue.html_url),
        pr_author: loginOf(issue),
        pr_merged: mergedAt === undefined ? null : typeof mergedAt === 'string'
    };
}
function issue(issueObject) {
    return {
        issue_number: asNumber(issueObject.number),
        issue_title: asString(issueObject.title),
        issue_state: asString(issueObject.state),
        issue_html_url: asString(issueObject.html_url),
        issue_author: loginOf(issueObject),
        issue_labels: labelNames(issueObject.labels)
    };
}
function isPullRequestComment(eventName, payload) {
    if (eventName === 'pull_request_review_comment')
        return true;
    return issueIsPullRequest(asRecord(payload.issue));
}
function comment(eventName, payload, commentObject) {
    const metadata = {
        comment_id: asNumber(commentObject.id),
        comment_body: asString(commentObject.body),
        comment_html_url: asString(commentObject.html_url),
        comment_author: loginOf(commentObject),
        is_pr_comment: isPullRequestComment(eventName, payload)
    };
    if (eventName === 'pull_request_review_comment' || eventName === 'commit_comment') {
        metadata.comment_path = asString(commentObject.path);
        metadata.comment_line = asNumber(commentObject.line) ?? asNumber(commentObject.original_line);
    }
    return metadata;
}
function review(reviewObject) {
    return {
        review_id: asNumber(reviewObject.id),
        review_body: asString(reviewObject.body),
        review_state: asString(reviewObject.state),
        review_author: loginOf(reviewObject),
        review_html_url: asString(reviewObject.html_url)
    };
}
function push(payload) {
    return {
        ref: asString(payload.ref),
        before_sha: asString(payload.before),
        after_sha: asString(payload.after),
        commit_count: Array.isArray(payload.commits) ? payload.commits.length : null
    };
}
/** The reference's metadata variables plus DESIGN §5 extras, for one event. Never throws. */
function buildMetadata(eventName, payload, fallbackRepository) {
    const metadata = common(eventName, payload, fallbackRepository);
    const pr = asRecord(payload.pull_request);
    const issueObject = asRecord(payload.issue);
    const commentObject = asRecord(payload.comment);
    const reviewObject = asRecord(payload.review);
    if (issueObject) {
        Object.assign(metadata, issue(issueObject));
        if (eventName === 'issue_comment' && isPullRequestComment(eventName, payload)) {
            Object.assign(metadata, pullRequestFromIssue(issueObject));
        }
    }
    if (pr)
        Object.assign(metadata, pullRequest(pr));
    if (commentObject)
        Object.assign(metadata, comment(eventName, payload, commentObject));
    if (reviewObject)
        Object.assign(metadata, review(reviewObject));
    if (eventName === 'push')
        Object.assign(metadata, push(payload));
    return metadata;
}

;// CONCATENATED MODULE: ./src/event/build-event-context.ts


const ZERO_SHA = /^0+$/;
/** `refs/heads/x` -> `x`; tags and other refs have no branch. */
function branchOfRef(ref) {
    return ref !== null && ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}
/** The branch the `branches` filter reads: push ref, PR base, created/deleted branch, CI run branch. */
function branchOf(eventName, payload) {
    const pr = asRecord(payload.pull_request);
    if (pr)
        return asString(asRecord(pr.base)?.ref);
    if (eventName === 'push')
        return branchOfRef(asString(payload.ref));
    if (eventName === 'create' || eventName === 'delete') {
        return asString(payload.ref_type) === 'branch' ? asString(payload.ref) : null;
    }
    if (eventName === 'merge_group')
        return branchOfRef(asString(asRecord(payload.merge_group)?.base_ref));
    if (eventName === 'check_run')
        return asString(asRecord(asRecord(payload.check_run)?.check_suite)?.head_branch);
    const run = asRecord(payload[eventName]);
    if (eventName === 'workflow_run' || eventName === 'workflow_job' || eventName === 'check_suite') {
        return asString(run?.head_branch);
    }
    return null;
}
/** PR head (never GITHUB_SHA, which is the merge commit), push `after`, or the SHA a CI run is for. */
function headShaOf(eventName, payload) {
    const pr = asRecord(payload.pull_request);
    if (pr)
        return asString(asRecord(pr.head)?.sha);
    if (eventName === 'push') {
        const after = asString(payload.after);
        return after === null || ZERO_SHA.test(after) ? null : after;
    }
    if (['workflow_run', 'workflow_job', 'check_run', 'check_suite', 'merge_group'].includes(eventName)) {
        return asString(asRecord(payload[eventName])?.head_sha);
    }
    return null;
}
function senderOf(payload) {
    const sender = asRecord(payload.sender);
    const login = asString(sender?.login);
    if (sender === null || login === null)
        return null;
    return { login, id: asNumber(sender.id) ?? 0, type: asString(sender.type) ?? 'User' };
}
function textOf(kind, body) {
    const text = asString(body);
    return text === null || text.trim() === '' ? null : { kind, body: text };
}
/**
 * The text that may hold commands. Edited comments keep their text so the router can say it does
 * not re-run them; deleted ones have none. Issue and PR bodies count only when opened.
 */
function commandTextOf(eventName, action, payload) {
    const comment = asRecord(payload.comment);
    switch (eventName) {
        case 'issue_comment':
            return action === 'created' || action === 'edited' ? textOf('issue_comment', comment?.body) : null;
        case 'pull_request_review_comment':
            return action === 'created' || action === 'edited' ? textOf('review_comment', comment?.body) : null;
        case 'pull_request_review':
            return action === 'submitted' || action === 'edited' ? textOf('review', asRecord(payload.review)?.body) : null;
        case 'issues':
            return action === 'opened' ? textOf('issue_body', asRecord(payload.issue)?.body) : null;
        case 'pull_request':
        case 'pull_request_target':
            return action === 'opened' ? textOf('pr_body', asRecord(payload.pull_request)?.body) : null;
        default:
            return null;
    }
}
function commentIdOf(eventName, payload) {
    if (eventName !== 'issue_comment' && eventName !== 'pull_request_review_comment')
        return null;
    return asNumber(asRecord(payload.comment)?.id);
}
/**
 * The event as plain data, built once from GITHUB_EVENT_NAME and the payload. Never throws: an
 * unknown shape gives nulls. Org-level payloads have no `repository`; `GITHUB_REPOSITORY` stands in.
 */
function buildEventContext(eventName, payload, env = {}) {
    const data = asRecord(payload) ?? {};
    const fallbackRepository = env.GITHUB_REPOSITORY ? env.GITHUB_REPOSITORY : null;
    const action = asString(data.action);
    const pr = asRecord(data.pull_request);
    const issue = asRecord(data.issue);
    return {
        name: eventName,
        action,
        repository: asString(asRecord(data.repository)?.full_name) ?? fallbackRepository,
        sender: senderOf(data),
        branch: branchOf(eventName, data),
        headSha: headShaOf(eventName, data),
        number: asNumber(pr?.number) ?? asNumber(issue?.number),
        isPullRequest: pr !== null || issueIsPullRequest(issue),
        text: commandTextOf(eventName, action, data),
        commentId: commentIdOf(eventName, data),
        metadata: buildMetadata(eventName, data, fallbackRepository)
    };
}

;// CONCATENATED MODULE: ./src/event/with-pull-request.ts
/**
 * A comment on a PR arrives as an `issue_comment` whose payload has no branch, head SHA or PR
 * numbers. Filling them from the PR itself lets `branches` filters, check runs and `pr_*`
 * templates work the same as on `pull_request` events.
 */
function withPullRequest(event, pull) {
    return {
        ...event,
        isPullRequest: true,
        branch: pull.base.ref,
        headSha: pull.head.sha,
        metadata: {
            ...event.metadata,
            pr_number: pull.number,
            pr_title: pull.title,
            pr_state: pull.state,
            pr_draft: pull.draft ?? false,
            pr_base_ref: pull.base.ref,
            pr_head_ref: pull.head.ref,
            pr_head_sha: pull.head.sha,
            pr_additions: pull.additions ?? null,
            pr_deletions: pull.deletions ?? null,
            pr_changed_files: pull.changed_files ?? null,
            pr_html_url: pull.html_url,
            pr_author: pull.user?.login ?? null
        }
    };
}

// EXTERNAL MODULE: ./src/template/template-references.ts
var template_references = __webpack_require__(5529);
;// CONCATENATED MODULE: ./src/template/render-template.ts

/** Arrays comma-joined, null and undefined empty, objects as JSON. */
function display(value) {
    if (value === null || value === undefined)
        return '';
    if (Array.isArray(value))
        return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : display(v))).join(', ');
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
/** Own properties only: `{{ params.constructor }}` must not reach Object.prototype. */
function lookup(vars, namespace, name) {
    const source = namespace === 'metadata' ? vars.metadata : namespace === 'params' ? vars.params : { name: vars.command.name, args: vars.command.args };
    return Object.hasOwn(source, name) ? { found: true, value: source[name] } : { found: false };
}
/**
 * Fill `{{ metadata.X }}`, `{{ params.X }}`, `{{ command.args|name }}`. One pass: inserted values are
 * never scanned again, so a PR title holding `{{ … }}` stays text. Nothing is evaluated.
 */
function renderTemplate(template, vars) {
    const unknown = [];
    const text = template.replace((0,template_references/* templatePattern */.N)(), (_match, namespace, name) => {
        const { found, value } = lookup(vars, namespace, name);
        if (found)
            return display(value);
        const label = `${namespace}.${name}`;
        if (!unknown.includes(label))
            unknown.push(label);
        return '';
    });
    return { text, unknown };
}

;// CONCATENATED MODULE: ./src/execute/plan-invocation.ts

/** Metadata for templates: the event's, plus the command this invocation carries (DESIGN §5). */
function invocationMetadata(event, invocation) {
    const command = invocation.via === 'command' || invocation.via === 'mention' ? invocation.key : null;
    return {
        ...event.metadata,
        command: command === null ? null : `/${command}`,
        command_args: invocation.args
    };
}
function planAgent(agent, label, metadata, invocation, defaultModel) {
    const rendered = renderTemplate(agent.instructions, {
        metadata,
        params: invocation.params,
        command: { name: invocation.key, args: invocation.args }
    });
    return {
        agent,
        label,
        instructions: rendered.text,
        tools: agent.tools.filter((t) => t.enabled).map((t) => t.name),
        model: agent.model ?? defaultModel,
        unknownVariables: rendered.unknown
    };
}
/** Pure: turn a routed invocation into the agents to run, with rendered instructions. */
function planInvocation(config, event, invocation, defaultModel) {
    const target = invocation.target;
    if (!target)
        return { target: 'help', agents: [] };
    const label = `${target.kind}:${target.name}`;
    const metadata = invocationMetadata(event, invocation);
    if (target.kind === 'agent') {
        const agent = config.agents[target.name];
        if (!agent)
            return { target: label, agents: [], unsupported: `agent '${target.name}' is not defined` };
        return { target: label, agents: [planAgent(agent, label, metadata, invocation, defaultModel)] };
    }
    if (target.kind === 'fleet') {
        const fleet = config.fleets[target.name];
        if (!fleet)
            return { target: label, agents: [], unsupported: `fleet '${target.name}' is not defined` };
        return {
            target: label,
            agents: fleet.members.map((m) => planAgent(m.agent, `${label}/${m.name}`, metadata, invocation, defaultModel))
        };
    }
    return { target: label, agents: [], unsupported: 'flows do not run in this version yet' };
}

;// CONCATENATED MODULE: ./src/github/repo-config-source.ts
function isNotFound(error) {
    return typeof error === 'object' && error !== null && error.status === 404;
}
/**
 * Config read through the contents API at a fixed ref (the PR's base branch or the default
 * branch), so the files of the PR under review never decide how it is judged.
 * Each path is fetched at most once per run.
 */
function createRepoConfigSource(client, repository, ref) {
    const [owner, repo] = repository.split('/');
    const listings = new Map();
    // A file fetched by `stat` already carries its content; keep it so `read` does not fetch it again.
    const contents = new Map();
    function fetchListing(path) {
        let pending = listings.get(path);
        if (!pending) {
            pending = client
                .request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref })
                .then(({ data }) => {
                if (Array.isArray(data))
                    return data;
                const file = data;
                if (file.encoding === 'base64' && file.content)
                    contents.set(path, Buffer.from(file.content, 'base64').toString('utf8'));
                return 'file';
            })
                .catch((error) => {
                if (isNotFound(error))
                    return null;
                throw error;
            });
            listings.set(path, pending);
        }
        return pending;
    }
    return {
        description: `${repository}@${ref} (through the API)`,
        async stat(path) {
            const listing = await fetchListing(path);
            if (listing === null)
                return null;
            return listing === 'file' ? 'file' : 'dir';
        },
        async list(dir) {
            const listing = await fetchListing(dir);
            if (!Array.isArray(listing))
                return [];
            return listing
                .filter((e) => e.type === 'file' || e.type === 'dir')
                .map((e) => ({ path: e.path, type: e.type }));
        },
        async read(path) {
            const known = contents.get(path);
            if (known !== undefined)
                return known;
            const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
                owner,
                repo,
                path,
                ref,
                headers: { accept: 'application/vnd.github.raw+json' }
            });
            return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
        }
    };
}

;// CONCATENATED MODULE: ./src/report/build-outputs.ts
function targetOutput(record) {
    return record.outcomes.find((o) => o.invocation.target !== null)?.target ?? '';
}
/** Step outputs, every one always set so `if:` conditions never read an undefined output. */
function buildOutputs(record) {
    const decision = record.decision;
    const first = record.outcomes[0]?.invocation;
    const tokens = record.outcomes.reduce((sum, o) => ({ input: sum.input + (o.usage?.inputTokens ?? 0), output: sum.output + (o.usage?.outputTokens ?? 0) }), { input: 0, output: 0 });
    const costs = record.outcomes.map((o) => o.costUsd).filter((c) => typeof c === 'number');
    const anyUsage = record.outcomes.some((o) => o.usage);
    const unknownCost = record.outcomes.some((o) => o.usage && (o.costUsd === null || o.costUsd === undefined));
    return {
        matched: String(decision?.matched ?? false),
        trigger: decision?.trigger ?? '',
        target: targetOutput(record),
        targets: JSON.stringify(record.outcomes.map((o) => ({ target: o.target, via: o.invocation.via, command: o.invocation.key, args: o.invocation.args, status: o.status }))),
        command: first?.key ?? '',
        'command-args': first?.args ?? '',
        conclusion: record.conclusion,
        'skipped-reason': decision?.matched ? '' : (decision?.skippedReason ?? record.error ?? ''),
        'input-tokens': String(tokens.input),
        'output-tokens': String(tokens.output),
        'cost-usd': anyUsage && !unknownCost ? costs.reduce((a, b) => a + b, 0).toFixed(6) : '',
        writes: String(record.writes.length)
    };
}

;// CONCATENATED MODULE: ./src/report/build-summary.ts
/** Table cells must not break the table: pipes escaped, newlines folded. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function eventLine(record) {
    const { name, action, repository, number, sender } = record.event;
    const what = action ? `${name}.${action}` : name;
    const where = repository ? ` on ${repository}${number !== null ? `#${number}` : ''}` : '';
    const who = sender ? ` by @${sender}` : '';
    return `\`${what}\`${where}${who}`;
}
function headline(record) {
    const decision = record.decision;
    if (record.error && !decision?.matched)
        return `**Failed:** ${record.error}`;
    if (!decision)
        return '**Not routed**: the config could not be used.';
    if (!decision.matched)
        return `**No match**: ${decision.skippedReason ?? 'no Trigger took this event.'}`;
    const targets = record.outcomes.map((o) => `\`${o.target}\``).join(', ');
    return `**Routed** by trigger \`${decision.trigger}\` to ${targets || 'nothing'}.`;
}
function triggerTable(record) {
    const verdicts = record.decision?.verdicts ?? [];
    if (verdicts.length === 0)
        return [];
    const rows = verdicts.map((v) => `| ${v.matched ? '✅' : '—'} | \`${cell(v.trigger)}\` | ${cell(v.file)}:${v.line} | ${cell(v.reason)} |`);
    return ['### Triggers considered', '', '| | trigger | file | why |', '|---|---|---|---|', ...rows, ''];
}
function usageText(o) {
    if (!o.usage)
        return '—';
    const cost = o.costUsd === undefined || o.costUsd === null ? '' : ` ($${o.costUsd.toFixed(4)})`;
    return `${o.usage.inputTokens} in / ${o.usage.outputTokens} out${cost}`;
}
function outcomeTable(record) {
    if (record.outcomes.length === 0)
        return [];
    const rows = record.outcomes.map((o) => {
        const inv = o.invocation;
        const command = inv.key === null ? `(${inv.via})` : `\`${cell(inv.via === 'command' || inv.via === 'mention' ? '/' + inv.key : inv.key)}\``;
        const args = inv.args ? ` ${cell(inv.args)}` : '';
        return `| ${command}${args} | \`${cell(o.target)}\` | ${o.status} | ${cell(o.detail)} | ${usageText(o)} |`;
    });
    return ['### What ran', '', '| command | target | status | detail | tokens |', '|---|---|---|---|---|', ...rows, ''];
}
function writesSection(record) {
    if (record.writes.length === 0)
        return record.dryRun ? ['### Writes', '', 'None would have been made.', ''] : [];
    const title = record.dryRun ? '### Writes it would have made (dry-run)' : '### Writes';
    const rows = record.writes.map((w) => {
        const link = w.url ? ` ([link](${w.url}))` : '';
        return `- ${w.planned ? '(planned) ' : ''}\`${w.operation}\`: ${w.summary}${link}`;
    });
    return [title, '', ...rows, ''];
}
function instructionsSection(record) {
    const shown = record.outcomes.filter((o) => o.instructions !== undefined);
    return shown.flatMap((o) => [
        `<details><summary>Instructions given to <code>${o.target}</code>${o.model ? ` (${o.model})` : ''}${o.tools?.length ? `, tools: ${o.tools.join(', ')}` : ''}</summary>`,
        '',
        '```text',
        (o.instructions ?? '').replace(/```/g, '`\u200b``'),
        '```',
        '</details>',
        ''
    ]);
}
function diagnosticsSection(record) {
    if (record.diagnostics.length === 0)
        return [];
    const icon = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
    const rows = record.diagnostics.map((d) => `- ${icon[d.severity]} ${d.file}:${d.line}${d.field ? ` \`${d.field}\`` : ''}: ${d.message}`);
    return ['### Config findings', '', ...rows, ''];
}
/** The job summary: what was routed where and why, on every run, matched or not. */
function buildSummary(record) {
    const lines = [
        `## github-agent${record.dryRun ? ' (dry-run)' : ''}`,
        '',
        `${eventLine(record)}: ${headline(record)}`,
        '',
        `Config: ${record.configFiles.length} file(s) from ${record.configSource}. Conclusion: **${record.conclusion}**. Took ${Math.round(record.durationMs)} ms.`,
        '',
        ...(record.notes.length ? [...record.notes.map((n) => `- ${n}`), ''] : []),
        ...(record.decision?.notes.length ? [...record.decision.notes.map((n) => `- ${n}`), ''] : []),
        ...triggerTable(record),
        ...outcomeTable(record),
        ...writesSection(record),
        ...instructionsSection(record),
        ...diagnosticsSection(record)
    ];
    return lines.join('\n');
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/route/match-glob.ts

/**
 * Glob match where `*` never crosses `/` (picomatch's default). `windows: false` keeps `\` literal
 * whatever the runner's OS; `dot: true` lets `myorg/*` include `myorg/.github`. A pattern picomatch
 * rejects matches nothing rather than failing the run.
 */
function globMatches(value, patterns, options) {
    return patterns.some((pattern) => {
        if (pattern === '')
            return false;
        try {
            return picomatch_default()(pattern, { nocase: options.nocase, dot: true, windows: false })(value);
        }
        catch {
            return false;
        }
    });
}

;// CONCATENATED MODULE: ./src/route/check-filters.ts

function list(values) {
    return `[${values.join(', ')}]`;
}
/**
 * A workflow on `pull_request_target` gets the `pull_request` webhook payload; AOF configs name the
 * webhook event, so `pull_request` in a filter or key also covers it.
 */
function eventNamesOf(event) {
    const name = event.name.toLowerCase();
    return name === 'pull_request_target' ? [name, 'pull_request'] : [name];
}
function checkEvents(trigger, event) {
    if (trigger.events.length === 0)
        return null;
    const wanted = trigger.events.map((e) => e.toLowerCase());
    if (eventNamesOf(event).some((name) => wanted.includes(name)))
        return null;
    return { holds: false, reason: `github_events ${list(trigger.events)} does not include ${event.name}` };
}
function checkActions(trigger, event) {
    if (trigger.actions.length === 0)
        return null;
    if (event.action === null)
        return { holds: false, reason: `${event.name} has no action; actions ${list(trigger.actions)} is set` };
    const action = event.action.toLowerCase();
    if (trigger.actions.some((a) => a.toLowerCase() === action))
        return null;
    return { holds: false, reason: `actions ${list(trigger.actions)} does not include ${event.action}` };
}
/** GitHub owner and repo names are case-insensitive; `*` alone means every repository. */
function checkRepositories(trigger, event) {
    const patterns = trigger.repositories;
    if (patterns.length === 0 || patterns.includes('*'))
        return null;
    if (event.repository === null)
        return { holds: false, reason: `event has no repository; repositories ${list(patterns)} is set` };
    if (globMatches(event.repository, patterns, { nocase: true }))
        return null;
    return { holds: false, reason: `repository ${event.repository} matches none of ${list(patterns)}` };
}
/** Events without a branch (issues, comments on plain issues) are not filtered by branches. */
function checkBranches(trigger, event) {
    if (trigger.branches.length === 0 || event.branch === null)
        return null;
    if (globMatches(event.branch, trigger.branches, { nocase: false }))
        return null;
    return { holds: false, reason: `branch ${event.branch} matches none of ${list(trigger.branches)}` };
}
/**
 * Bots act only where a Trigger names them: an App's comment could otherwise start a loop or be
 * steered by whoever controls that App. The account `type` decides, not a `[bot]` suffix, which
 * any user can put in a display name but never in a login of type User.
 */
function checkBot(trigger, event) {
    if (event.sender?.type !== 'Bot')
        return null;
    const login = event.sender.login.toLowerCase();
    if (trigger.allowedUsers.some((u) => u.toLowerCase() === login))
        return null;
    return { holds: false, reason: `sender ${event.sender.login} is a bot (account type Bot) not named in allowed_users` };
}
/**
 * Logins compare case-insensitively, as GitHub's do. `team:org/slug` entries need an API call the
 * router cannot make: unless `memberships` already knows, the sender passes pending a team check.
 */
function checkUsers(trigger, event, memberships) {
    const bot = checkBot(trigger, event);
    if (bot)
        return bot;
    if (trigger.allowedUsers.length === 0)
        return { holds: true, pendingTeams: [] };
    if (event.sender === null)
        return { holds: false, reason: 'event has no sender; allowed_users is set' };
    const login = event.sender.login.toLowerCase();
    const teams = trigger.allowedUsers.filter((u) => u.startsWith('team:')).map((u) => u.slice('team:'.length));
    const logins = trigger.allowedUsers.filter((u) => !u.startsWith('team:'));
    if (logins.some((u) => u.toLowerCase() === login))
        return { holds: true, pendingTeams: [] };
    if (teams.some((t) => memberships[t.toLowerCase()] === true))
        return { holds: true, pendingTeams: [] };
    const unknown = teams.filter((t) => memberships[t.toLowerCase()] === undefined);
    if (unknown.length > 0)
        return { holds: true, pendingTeams: unknown };
    return { holds: false, reason: `sender ${event.sender.login} is not in allowed_users` };
}
/** The Trigger's filters in a fixed order; the first that fails gives the reason. */
function checkFilters(trigger, event, memberships = {}) {
    return (checkEvents(trigger, event) ??
        checkActions(trigger, event) ??
        checkRepositories(trigger, event) ??
        checkBranches(trigger, event) ??
        checkUsers(trigger, event, memberships));
}

// EXTERNAL MODULE: ./src/route/command-keys.ts + 1 modules
var command_keys = __webpack_require__(941);
;// CONCATENATED MODULE: ./src/route/help-text.ts

/** Table cells are one line and must not close the cell or a code span early. */
function help_text_cell(text) {
    return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
/** The `/help` answer: the commands this Trigger accepts, as a markdown table. */
function helpText(trigger, botName) {
    const bindings = (0,command_keys/* slashBindings */.Ki)(trigger);
    const lines = [`**Commands** (trigger ${code(trigger.name)})`, ''];
    if (bindings.length === 0) {
        lines.push('This trigger defines no commands.');
    }
    else {
        lines.push('| Command | Runs | Description |', '| --- | --- | --- |');
        for (const b of bindings) {
            const key = b.key.trim().replace(/^\//, '');
            lines.push(`| ${code(`/${help_text_cell(key)}`)} | ${b.target.kind} ${code(help_text_cell(b.target.name))} | ${help_text_cell(b.description)} |`);
        }
        lines.push('', `${code(`@${botName} <command>`)} works the same as ${code('/<command>')}. Commands inside code blocks or quotes are ignored.`);
    }
    if (trigger.defaultAgent) {
        lines.push('', `Mentioning ${code(`@${botName}`)} without a command asks agent ${code(trigger.defaultAgent)}.`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/route/prose-lines.ts
// Commands live in prose only: a `/deploy` shown inside a code sample, quoted from someone else or
// hidden in an HTML comment (invisible on GitHub) must never run.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Indentation width with tabs counted to the next multiple of 4, as Markdown does. */
function indentWidth(line) {
    let width = 0;
    for (const ch of line) {
        if (ch === ' ')
            width += 1;
        else if (ch === '\t')
            width += 4 - (width % 4);
        else
            break;
    }
    return width;
}
/** Lines outside fenced code (``` and ~~~), indented code, `>` quotes (with their lazy continuation lines) and `<!-- -->` comments. */
function proseLines(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const result = [];
    let fence = null;
    let inHtmlComment = false;
    let inQuote = false;
    lines.forEach((raw, index) => {
        if (fence !== null) {
            const close = FENCE.exec(raw);
            const marker = close?.[1];
            if (marker && marker[0] === fence[0] && marker.length >= fence.length && raw.trim() === marker)
                fence = null;
            return;
        }
        if (inHtmlComment) {
            if (raw.includes('-->'))
                inHtmlComment = false;
            return;
        }
        const open = FENCE.exec(raw);
        if (open?.[1]) {
            fence = open[1];
            inQuote = false;
            return;
        }
        const trimmed = raw.trimStart();
        if (trimmed.startsWith('<!--') && indentWidth(raw) < 4) {
            inHtmlComment = !trimmed.includes('-->', 4);
            inQuote = false;
            return;
        }
        // A line right after a quote, with no blank line between, still renders inside the quote.
        if (inQuote && trimmed !== '')
            return;
        inQuote = false;
        if (indentWidth(raw) >= 4)
            return;
        if (trimmed.startsWith('>')) {
            inQuote = true;
            return;
        }
        result.push({ line: index + 1, text: trimmed });
    });
    return result;
}

;// CONCATENATED MODULE: ./src/route/parse-commands.ts

function tokens(text) {
    return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0].toLowerCase(), end: (m.index ?? 0) + m[0].length }));
}
function keyWords(key) {
    return key.trim().replace(/^\//, '').toLowerCase().split(/\s+/).filter((w) => w !== '');
}
/** Longest key by whole words: `deploy production` beats `deploy`; `deployx` matches neither. */
function matchKey(body, keys) {
    const words = tokens(body);
    let best = null;
    for (const key of keys) {
        const wanted = keyWords(key);
        if (wanted.length === 0 || wanted.length > words.length)
            continue;
        if (!wanted.every((w, i) => words[i]?.word === w))
            continue;
        if (best === null || wanted.length > best.length)
            best = { key, length: wanted.length };
    }
    if (best === null)
        return null;
    const end = words[best.length - 1]?.end ?? 0;
    return { key: best.key, args: body.slice(end).trim() };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function mentionPatterns(botName) {
    const name = botName.trim().replace(/^@/, '');
    if (name === '')
        return null;
    const bot = `@${escapeRegExp(name)}(?![A-Za-z0-9_-])`;
    return { atStart: new RegExp(`^${bot}[\\s,:]*`, 'i'), inline: new RegExp(`(^|[^A-Za-z0-9_/.-])${bot}`, 'i') };
}
/** Inline code spans are not prose: `` `@aofbot` `` is an example, not a mention. */
function withoutCodeSpans(text) {
    return text.replace(/(`+)[\s\S]*?\1/g, '');
}
/**
 * Commands in a comment-like text: every prose line that starts with `/` or `@botName`
 * (`@aofbot review` is `/review`). Keys are compared case-insensitively, by whole words.
 */
function parseCommands(text, keys, botName, max) {
    const result = { commands: [], unknown: [], truncated: false, mentioned: false };
    const mention = mentionPatterns(botName);
    for (const { line, text: prose } of proseLines(text)) {
        let body = null;
        let viaMention = false;
        const atStart = mention?.atStart.exec(prose);
        if (atStart) {
            body = prose.slice(atStart[0].length).replace(/^\//, '');
            viaMention = true;
            result.mentioned = true;
        }
        else if (/^\/[A-Za-z0-9]/.test(prose)) {
            body = prose.slice(1);
        }
        else {
            if (mention && mention.inline.test(withoutCodeSpans(prose)))
                result.mentioned = true;
            continue;
        }
        const matched = matchKey(body, keys);
        if (matched === null && !viaMention) {
            const word = `/${body.split(/\s/, 1)[0] ?? ''}`;
            if (!result.unknown.includes(word))
                result.unknown.push(word);
            continue;
        }
        if (result.commands.length >= max) {
            result.truncated = true;
            continue;
        }
        const raw = prose.trimEnd();
        result.commands.push(matched ? { key: matched.key, args: matched.args, line, raw } : { key: null, args: body.trim(), line, raw });
    }
    return result;
}

;// CONCATENATED MODULE: ./src/route/choose-invocations.ts




/** Events whose text is a comment: they reach default_agent only by mentioning the bot. */
const COMMENT_EVENTS = new Set(['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'commit_comment', 'discussion_comment']);
/** The action on which each kind of text is read for commands. */
const COMMAND_ACTION = { issue_comment: 'created', review_comment: 'created', review: 'submitted', issue_body: 'opened', pr_body: 'opened' };
function textMode(event) {
    if (event.text === null)
        return 'none';
    if (event.action === COMMAND_ACTION[event.text.kind])
        return 'parse';
    return event.action === 'edited' ? 'edited' : 'none';
}
function bindingInvocation(via, binding, args) {
    return { via, key: binding.key, args, target: binding.target, params: binding.params };
}
function describe(invocation, botName) {
    const target = invocation.target ? `${invocation.target.kind}:${invocation.target.name}` : 'the help answer';
    const what = invocation.via === 'command' || invocation.via === 'help'
        ? `/${invocation.key ?? 'help'}`
        : invocation.via === 'mention'
            ? `@${botName} mention`
            : invocation.via === 'default-agent'
                ? 'default_agent'
                : (invocation.key ?? '');
    return `${what} -> ${target}`;
}
/** Keyed commands in comment order, `/help` answered here unless the Trigger binds it. */
function commandInvocations(trigger, parsed, botName, notes) {
    const bindings = new Map((0,command_keys/* slashBindings */.Ki)(trigger).map((b) => [b.key, b]));
    const seen = new Set();
    const invocations = [];
    for (const command of parsed.commands) {
        if (command.key === null)
            continue;
        const identity = `${(0,command_keys/* normalizeKey */.l5)(command.key)}\n${command.args}`;
        if (seen.has(identity)) {
            notes.push(`duplicate command ignored: ${command.raw}`);
            continue;
        }
        seen.add(identity);
        const binding = bindings.get(command.key);
        invocations.push(binding
            ? bindingInvocation('command', binding, command.args)
            : { via: 'help', key: 'help', args: command.args, target: null, params: {}, helpText: helpText(trigger, botName) });
    }
    return invocations;
}
function parse(trigger, event, options) {
    const keys = (0,command_keys/* slashBindings */.Ki)(trigger).map((b) => b.key);
    if (!keys.some((k) => (0,command_keys/* normalizeKey */.l5)(k) === 'help'))
        keys.push('help');
    return parseCommands(event.text?.body ?? '', keys, options.botName, options.maxCommands);
}
function noteParsed(parsed, maxCommands, notes) {
    if (parsed.unknown.length > 0)
        notes.push(`unknown commands ignored (they may be another bot's): ${parsed.unknown.join(', ')}`);
    if (parsed.truncated)
        notes.push(`more than ${maxCommands} commands: only the first ${maxCommands} are considered`);
}
/** Why a comment with nothing bound for it runs nothing. */
function commentOutcome(parsed, botName) {
    if (parsed && parsed.unknown.length > 0)
        return `comment holds no command it knows (${parsed.unknown.join(', ')} ignored)`;
    if (parsed?.mentioned)
        return `comment mentions @${botName} but the trigger has no default_agent`;
    return `comment holds no command and does not mention @${botName}`;
}
/**
 * What the chosen Trigger runs for the event (DESIGN §4.3): commands in the text, else the
 * `event.action` key, then the `event` key, then default_agent (for comments: only on a mention).
 * Edited and deleted comments run only an exact `event.edited`/`event.deleted` binding.
 */
function chooseInvocations(trigger, event, options) {
    const notes = [];
    const mode = textMode(event);
    const parsed = mode === 'none' ? null : parse(trigger, event, options);
    const run = (invocations) => ({
        invocations,
        notes,
        outcome: `runs ${invocations.map((i) => describe(i, options.botName)).join(', ')}`
    });
    const skip = (outcome) => ({ invocations: [], notes, outcome });
    if (mode === 'parse' && parsed) {
        noteParsed(parsed, options.maxCommands, notes);
        const invocations = commandInvocations(trigger, parsed, options.botName, notes);
        if (invocations.length > 0)
            return run(invocations);
    }
    const names = eventNamesOf(event);
    const action = event.action?.toLowerCase() ?? null;
    const isComment = COMMENT_EVENTS.has(names[0] ?? '');
    const actionBinding = action === null ? undefined : (0,command_keys/* findBinding */.Ly)(trigger, names.map((n) => `${n}.${action}`));
    if (mode === 'edited' && parsed && parsed.commands.length > 0 && !actionBinding)
        notes.push('edited comment: commands are not re-run');
    if (actionBinding)
        return run([bindingInvocation('event-action', actionBinding, '')]);
    if (isComment && (action === 'edited' || action === 'deleted')) {
        return skip(`${event.name}.${action} is not bound (edited and deleted comments do not re-run commands)`);
    }
    const eventBinding = (0,command_keys/* findBinding */.Ly)(trigger, names);
    if (eventBinding)
        return run([bindingInvocation('event', eventBinding, '')]);
    const defaultAgent = trigger.defaultAgent;
    if (!isComment) {
        if (defaultAgent)
            return run([{ via: 'default-agent', key: null, args: '', target: { kind: 'agent', name: defaultAgent }, params: {} }]);
        const key = action === null ? event.name : `${event.name}.${action} or ${event.name}`;
        return skip(`no binding for ${key} and no default_agent`);
    }
    if (defaultAgent && mode === 'parse' && parsed?.mentioned) {
        const args = parsed.commands.find((c) => c.key === null)?.args ?? '';
        return run([{ via: 'mention', key: null, args, target: { kind: 'agent', name: defaultAgent }, params: {} }]);
    }
    return skip(commentOutcome(mode === 'parse' ? parsed : null, options.botName));
}

;// CONCATENATED MODULE: ./src/route/route.ts


const DEFAULT_MAX_COMMANDS = 5;
function verdict(trigger, matched, reason) {
    return { trigger: trigger.name, file: trigger.location.file, line: trigger.location.line, matched, reason };
}
function eventLabel(event) {
    return event.action === null ? event.name : `${event.name}.${event.action}`;
}
function noMatchReason(event, verdicts) {
    if (verdicts.length === 0)
        return 'no triggers are configured';
    const shown = verdicts.slice(0, 3).map((v) => `${v.trigger}: ${v.reason}`);
    const more = verdicts.length > 3 ? `; and ${verdicts.length - 3} more` : '';
    return `no trigger handles ${eventLabel(event)} (${shown.join('; ')}${more})`;
}
/** Why a Trigger is not even asked: disabled, or a platform a GitHub Action does not receive. */
function notRoutable(trigger) {
    if (!trigger.enabled)
        return 'disabled (enabled: false)';
    if (trigger.type.toLowerCase() !== 'github')
        return `type ${trigger.type} is not GitHub; ignored in a GitHub Action`;
    return null;
}
function teamCheckFor(event, teams) {
    return teams.length > 0 && event.sender ? { login: event.sender.login, teams } : undefined;
}
function decided(trigger, choice, verdicts, teamCheck) {
    const matched = choice.invocations.length > 0;
    const decision = {
        matched,
        trigger: trigger.name,
        verdicts,
        invocations: choice.invocations,
        skippedReason: matched ? null : `trigger ${trigger.name}: ${choice.outcome}`,
        notes: choice.notes
    };
    if (teamCheck)
        decision.teamCheck = teamCheck;
    return decision;
}
/**
 * Pure routing (DESIGN §4): Triggers in config order, the first whose filters all hold handles the
 * event, with no fall-through; every Trigger gets a verdict with one reason. When the chosen Trigger
 * runs nothing, `matched` is false and `trigger` still names it.
 */
function route(config, event, options) {
    const maxCommands = Math.max(0, options.maxCommands ?? DEFAULT_MAX_COMMANDS);
    const verdicts = [];
    let chosen = null;
    for (const trigger of config.triggers) {
        if (chosen) {
            verdicts.push(verdict(trigger, false, `not considered: trigger ${chosen.trigger.name} handled the event first`));
            continue;
        }
        const skipped = notRoutable(trigger);
        if (skipped) {
            verdicts.push(verdict(trigger, false, skipped));
            continue;
        }
        const filters = checkFilters(trigger, event, options.teamMemberships);
        if (!filters.holds) {
            verdicts.push(verdict(trigger, false, filters.reason));
            continue;
        }
        const choice = chooseInvocations(trigger, event, { botName: options.botName, maxCommands });
        const teamCheck = teamCheckFor(event, filters.pendingTeams);
        const pending = teamCheck ? ` (pending membership of ${teamCheck.teams.map((t) => `team:${t}`).join(' or ')})` : '';
        verdicts.push(verdict(trigger, true, `handles the event${pending}: ${choice.outcome}`));
        chosen = { trigger, choice, teamCheck };
    }
    if (!chosen) {
        return { matched: false, trigger: null, verdicts, invocations: [], skippedReason: noMatchReason(event, verdicts), notes: [] };
    }
    return decided(chosen.trigger, chosen.choice, verdicts, chosen.teamCheck);
}

;// CONCATENATED MODULE: ./src/settings/read-settings.ts
// Inputs are read here and nowhere else, into one validated object (actions/checkout's pattern).
class SettingsError extends Error {
}
const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];
/** Mirrors `core.getBooleanInput`: the YAML 1.2 core-schema spellings, anything else is an error. */
function readBoolean(get, name) {
    const raw = get(name);
    if (raw === '' || BOOLEAN_FALSE.includes(raw))
        return false;
    if (BOOLEAN_TRUE.includes(raw))
        return true;
    throw new SettingsError(`Input '${name}' must be true or false, got '${raw}'`);
}
function readCount(get, name) {
    const raw = get(name);
    if (raw === '')
        return 0;
    if (!/^\d+$/.test(raw))
        throw new SettingsError(`Input '${name}' must be a whole number (0 = no limit), got '${raw}'`);
    return Number(raw);
}
function readChoice(get, name, choices, fallback) {
    const raw = get(name) || fallback;
    if (choices.includes(raw))
        return raw;
    throw new SettingsError(`Input '${name}' must be one of ${choices.join(', ')}, got '${raw}'`);
}
/**
 * `get` returns the trimmed input ('' when unset), like `core.getInput`.
 * Keys fall back to the environment variables the providers' own SDKs read.
 */
function readSettings(get, env) {
    const botName = (get('bot-name') || 'aofbot').replace(/^@/, '');
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(botName)) {
        throw new SettingsError(`Input 'bot-name' must be a GitHub login such as aofbot, got '${botName}'`);
    }
    const model = get('model');
    if (model !== '' && !model.includes(':')) {
        throw new SettingsError(`Input 'model' must be provider:model (e.g. anthropic:claude-sonnet-4-5 or google:gemini-2.5-flash), got '${model}'`);
    }
    return {
        githubToken: get('github-token') || env.GITHUB_TOKEN || '',
        configPath: (get('config-path') || '.github/aof').replace(/\/+$/, '') || '.',
        configRef: readChoice(get, 'config-ref', ['base', 'workspace'], 'base'),
        anthropicApiKey: get('anthropic-api-key') || env.ANTHROPIC_API_KEY || '',
        googleApiKey: get('google-api-key') || env.GOOGLE_API_KEY || '',
        model,
        dryRun: readBoolean(get, 'dry-run'),
        botName,
        maxTurns: readCount(get, 'max-turns'),
        maxTokens: readCount(get, 'max-tokens'),
        budgetConclusion: readChoice(get, 'budget-conclusion', ['neutral', 'failure'], 'neutral'),
        checkName: get('check-name')
    };
}

// EXTERNAL MODULE: ./src/template/check-templates.ts + 3 modules
var check_templates = __webpack_require__(7581);
;// CONCATENATED MODULE: ./src/main.ts
// Wiring: the only place that reads the runner's environment and talks to @actions/core.















class UsageError extends Error {
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
async function readEvent(env) {
    const name = env.GITHUB_EVENT_NAME;
    const path = env.GITHUB_EVENT_PATH;
    if (!name || !path) {
        throw new UsageError('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this runs as a step of a GitHub Actions job');
    }
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${errorMessage(error)}`);
    }
    try {
        return { name, payload: JSON.parse(text) };
    }
    catch {
        throw new UsageError(`the event payload at ${path} is not JSON`);
    }
}
function defaultBranch(payload) {
    const repo = payload?.repository;
    return typeof repo?.default_branch === 'string' ? repo.default_branch : null;
}
/** A comment on a PR knows nothing of the PR's branches or head; ask for them once. */
async function enrichEvent(event, octokit) {
    if (!octokit || event.name !== 'issue_comment' || !event.isPullRequest || event.number === null || !event.repository) {
        return event;
    }
    const [owner, repo] = event.repository.split('/');
    try {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: event.number });
        return withPullRequest(event, data);
    }
    catch (error) {
        core/* warning */.$e(`Could not read PR #${event.number} (${errorMessage(error)}); branch filters and PR variables are unavailable for this comment.`);
        return event;
    }
}
function configSource(settings, event, payload, octokit) {
    if (settings.configRef === 'workspace') {
        return (0,workspace_source/* createWorkspaceSource */.Z)(process.env.GITHUB_WORKSPACE || process.cwd());
    }
    const ref = (event.isPullRequest ? event.branch : null) ?? defaultBranch(payload);
    if (!octokit || !event.repository || !ref) {
        throw new UsageError("config-ref 'base' reads the config through the GitHub API and needs github-token, the repository and its base or default branch; set config-ref: workspace to read checked-out files");
    }
    return createRepoConfigSource(octokit, event.repository, ref);
}
function annotate(d) {
    const properties = { file: d.file, startLine: d.line, startColumn: d.column, title: d.field ? `AOF config: ${d.field}` : 'AOF config' };
    if (d.severity === 'error')
        core/* error */.z3(d.message, properties);
    else if (d.severity === 'warning')
        core/* warning */.$e(d.message, properties);
    else
        core/* notice */.lm(d.message, properties);
}
function outcomeFor(config, event, invocation, settings) {
    if (invocation.via === 'help') {
        return { invocation, target: 'help', status: settings.dryRun ? 'dry-run' : 'not-run', detail: 'lists the commands this repository accepts' };
    }
    const plan = planInvocation(config, event, invocation, settings.model);
    const first = plan.agents[0];
    if (plan.unsupported)
        return { invocation, target: plan.target, status: 'not-run', detail: plan.unsupported };
    const unknown = plan.agents.flatMap((a) => a.unknownVariables);
    const detail = settings.dryRun
        ? 'dry-run: instructions rendered; the model is not called and nothing is written'
        : 'not run: this version routes and renders only; run with dry-run: true';
    return {
        invocation,
        target: plan.target,
        status: settings.dryRun ? 'dry-run' : 'not-run',
        detail: unknown.length ? `${detail} (template names with no value: ${[...new Set(unknown)].join(', ')})` : detail,
        model: first?.model || undefined,
        tools: [...new Set(plan.agents.flatMap((a) => a.tools))],
        instructions: plan.agents.map((a) => (plan.agents.length > 1 ? `# ${a.label}\n${a.instructions}` : a.instructions)).join('\n\n')
    };
}
function emptyRecord() {
    return {
        event: { name: process.env.GITHUB_EVENT_NAME ?? 'unknown', action: null, repository: null, number: null, sender: null },
        dryRun: false,
        configSource: 'not read',
        configFiles: [],
        diagnostics: [],
        decision: null,
        outcomes: [],
        writes: [],
        notes: [],
        conclusion: 'skipped',
        durationMs: 0
    };
}
async function pipeline(record, started) {
    const settings = readSettings((name) => core/* getInput */.V4(name), process.env);
    for (const secret of [settings.githubToken, settings.anthropicApiKey, settings.googleApiKey]) {
        if (secret)
            core/* setSecret */.Pq(secret);
    }
    record.dryRun = settings.dryRun;
    const raw = await readEvent(process.env);
    const octokit = settings.githubToken ? (0,github/* getOctokit */.Q)(settings.githubToken, { baseUrl: process.env.GITHUB_API_URL || undefined }) : null;
    let event = buildEventContext(raw.name, raw.payload, { GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY });
    record.event = { name: event.name, action: event.action, repository: event.repository, number: event.number, sender: event.sender?.login ?? null };
    event = await enrichEvent(event, octokit);
    const source = configSource(settings, event, raw.payload, octokit);
    record.configSource = source.description;
    const config = await (0,load_config/* loadConfig */.Z)(source, settings.configPath, process.env);
    config.diagnostics.push(...(0,check_templates/* checkTemplates */.Y)(config));
    record.configFiles = config.files;
    record.diagnostics = config.diagnostics;
    config.diagnostics.forEach(annotate);
    const errors = config.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
        throw new UsageError(`${errors} error(s) in the AOF config at ${settings.configPath}; see the annotations`);
    }
    const botName = settings.botName === 'aofbot' && config.botName ? config.botName : settings.botName;
    const decision = route(config, event, { botName });
    record.decision = decision;
    core/* info */.pq(decision.matched ? `Routed by trigger '${decision.trigger}'` : `No match: ${decision.skippedReason ?? 'no Trigger took this event'}`);
    record.outcomes = decision.invocations.map((invocation) => outcomeFor(config, event, invocation, settings));
    record.conclusion = decision.matched ? (settings.dryRun ? 'success' : 'neutral') : 'skipped';
    record.durationMs = external_node_perf_hooks_.performance.now() - started;
}
async function run() {
    const started = external_node_perf_hooks_.performance.now();
    const record = emptyRecord();
    try {
        await pipeline(record, started);
    }
    catch (error) {
        record.error = errorMessage(error);
        record.conclusion = 'failure';
        if (!(error instanceof UsageError || error instanceof SettingsError))
            core/* debug */.Yz(error instanceof Error ? (error.stack ?? '') : '');
        core/* setFailed */.C1(record.error);
    }
    finally {
        record.durationMs = external_node_perf_hooks_.performance.now() - started;
        for (const [name, value] of Object.entries(buildOutputs(record)))
            core/* setOutput */.uH(name, value);
        if (process.env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(buildSummary(record), true).write();
        }
    }
}


/***/ })

};
