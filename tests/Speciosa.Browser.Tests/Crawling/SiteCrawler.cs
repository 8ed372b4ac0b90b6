using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Speciosa.Testing;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>Signs in as one account, visits every same-origin page reachable over &lt;a href&gt; links, then submits
/// every form on those pages twice (valid-looking data, then emptied) and reloads each result. It collects
/// findings and never stops at the first: a response of 500 or more, a console error or page error, a page wider
/// than the viewport (when <see cref="CheckWidth"/>), and a reload that re-posts a form and writes rows again.</summary>
internal sealed partial class SiteCrawler(SpeciosaServer server, IPage page, string userName)
{
    /// <summary>At most this many pages per account.</summary>
    public const int PageCap = 150;

    /// <summary>At most this many pages of one kind (e.g. /patients/{}/liver), so one long list (74 registry
    /// entries) does not use up the cap before the other pages are seen.</summary>
    public const int PagesPerKind = 5;

    /// <summary>A POST form that saved nothing with valid-looking data is tried on up to this many pages of its kind
    /// (the first lot may refuse release; the next one may not), so a duplicate write has a chance to show.</summary>
    public const int FormAttemptsPerKind = 3;

    private readonly FindingList findings = [];
    private readonly List<string> notes = [];
    private readonly Lock gate = new();
    private readonly List<string> consoleErrors = [];
    private readonly List<string> pageErrors = [];
    private readonly List<(string Method, string Url, int Status)> serverErrors = [];
    private readonly Dictionary<string, int> documentStatus = new(StringComparer.Ordinal);
    private readonly List<VisitedPage> visited = [];
    private readonly HashSet<string> tooWide = new(StringComparer.Ordinal);
    private readonly List<string> trace = [];
    private readonly RouteKinds kinds = new(server.Services);
    private (string Method, string Url, int Status)? lastDocument;
    private string? firstDocumentMethod;
    private int formsSubmitted;

    public bool CheckWidth { get; init; }

    /// <summary>Run axe-core on each kind of page and form result (see <see cref="CheckAccessibilityAsync"/>).</summary>
    public bool CheckAccessibility { get; init; }

    private readonly HashSet<string> axeChecked = new(StringComparer.Ordinal);

    public IReadOnlyList<CrawlFinding> Findings => findings.All;

    /// <summary>What the crawl did and what it left out (cap, pages per kind, forms gone); not failures.</summary>
    public IReadOnlyList<string> Notes => notes;

    public IReadOnlyList<string> VisitedUrls => visited.Select(v => v.Url).ToList();

    /// <summary>One line per form submission: status, where it landed, what it wrote, the reload.</summary>
    public IReadOnlyList<string> Trace => trace;

    public int FormsSubmitted => formsSubmitted;

    public async Task RunAsync(IEnumerable<string> seeds)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (gate)
                {
                    consoleErrors.Add(ConsoleText(message));
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (gate)
            {
                pageErrors.Add(error);
            }
        };
        page.Response += (_, response) =>
        {
            lock (gate)
            {
                if (response.Status >= 500)
                {
                    serverErrors.Add((response.Request.Method, response.Url, response.Status));
                }

                if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
                {
                    documentStatus[response.Url] = response.Status;
                    lastDocument = (response.Request.Method, response.Url, response.Status);
                    firstDocumentMethod ??= FirstRequest(response.Request)?.Method;
                }
            }
        };

        await SignInAsync();
        await CrawlPagesAsync(seeds);
        await SubmitFormsAsync();
    }

    private async Task SignInAsync()
    {
        await BrowserSession.SignInAsync(page, userName);
        Collect(page.Url, "signing in", null, formPost: true);
    }

    // ---- Pages ----------------------------------------------------------------------------------------------

    private async Task CrawlPagesAsync(IEnumerable<string> seeds)
    {
        var queue = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var overKind = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var url = new Uri(server.BaseAddress, seed).ToString();
            if (known.Add(url))
            {
                queue.Add(url);
            }
        }

        while (queue.Count > 0 && visited.Count < PageCap)
        {
            // Breadth first, but a kind not seen yet goes before another page of a kind already seen.
            var next = queue.OrderBy(u => perKind.GetValueOrDefault(KindOf(u))).First();
            queue.Remove(next);
            var kind = KindOf(next);
            if (perKind.GetValueOrDefault(kind) >= PagesPerKind)
            {
                overKind[kind] = overKind.GetValueOrDefault(kind) + 1;
                continue;
            }

            perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
            var forms = await VisitAsync(next, kind, queue, known);
            visited.Add(new VisitedPage(next, kind, forms));
        }

        foreach (var (kind, count) in overKind)
        {
            notes.Add($"{count} more page(s) of kind {kind} not visited (at most {PagesPerKind} per kind).");
        }

        if (queue.Count > 0)
        {
            var unseenKinds = queue.Select(KindOf).Where(k => !perKind.ContainsKey(k)).Distinct().ToList();
            notes.Add($"Page cap of {PageCap} hit: {queue.Count} queued page(s) not visited"
                + (unseenKinds.Count == 0 ? ", all of kinds already visited." : $", {unseenKinds.Count} kind(s) never seen: {string.Join(", ", unseenKinds)}."));
            foreach (var kind in unseenKinds)
            {
                findings.Add(new CrawlFinding(queue.First(u => KindOf(u) == kind), kind, null, "visit",
                    $"not visited: the page cap of {PageCap} was hit before any page of this kind"));
            }
        }
    }

    private async Task<IReadOnlyList<FormInfo>> VisitAsync(string url, string kind, List<string> queue, HashSet<string> known)
    {
        try
        {
            await page.GotoAsync(url);
            if (IsSignInPage() && !IsSignInPage(url))
            {
                Collect(url, "visit", null, formPost: false);
                findings.Add(new CrawlFinding(url, kind, null, "visit", "the link led to the sign-in page: the session was lost"));
                await SignInAsync();
                return [];
            }

            await CheckWidthAsync(url, kind, null, "visit");
            await CheckAccessibilityAsync(url, kind, null, "visit");
            foreach (var link in await LinksAsync())
            {
                if (known.Add(link))
                {
                    queue.Add(link);
                }
            }

            var forms = await DescribeFormsAsync();
            Collect(url, "visit", null, formPost: false);
            return forms;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            Collect(url, "visit", null, formPost: false);
            findings.Add(new CrawlFinding(url, kind, null, "visit", "the page did not load", Detail: ex.Message));
            return [];
        }
    }

    private async Task<IEnumerable<string>> LinksAsync()
    {
        var hrefs = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download')).map(a => a.href)");
        return hrefs.Select(Crawlable).OfType<string>();
    }

    /// <summary>The link without its fragment when the crawler follows it: same origin, http, not sign-out, not
    /// the API or its description, not a file (a name with an extension); else null.</summary>
    private string? Crawlable(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = uri.AbsolutePath;
        if (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/account/sign-out", StringComparison.OrdinalIgnoreCase) || FileName().IsMatch(path))
        {
            return null;
        }

        return new UriBuilder(uri) { Fragment = "" }.Uri.ToString();
    }

    // ---- Forms ----------------------------------------------------------------------------------------------

    private async Task SubmitFormsAsync()
    {
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        await SubmitFormsAsync(visited, attempts, done);
        // Forms that only appear once something happened (an alert to act on after a regimen raised it, a review
        // after a patient reported): look at every page once more and submit the kinds not seen before.
        var again = new List<VisitedPage>();
        foreach (var visit in visited)
        {
            try
            {
                await GotoAsync(visit.Url);
                Collect(visit.Url, "visit", null, visit.Kind);
                var fresh = (await DescribeFormsAsync()).Where(f => !attempts.ContainsKey(visit.Kind + " " + FormKindOf(f.Key))).ToList();
                if (fresh.Count > 0)
                {
                    again.Add(visit with { Forms = fresh });
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Collect(visit.Url, "visit", null, visit.Kind);
                findings.Add(new CrawlFinding(visit.Url, visit.Kind, null, "visit", "the page did not load", Detail: ex.Message));
            }
        }

        await SubmitFormsAsync(again, attempts, done);
        foreach (var (formKind, count) in attempts.Where(a => !done.Contains(a.Key)))
        {
            notes.Add($"Form {formKind}: valid-looking data was refused on all {count} instance(s) tried.");
        }
    }

    private async Task SubmitFormsAsync(IEnumerable<VisitedPage> pages, Dictionary<string, int> attempts, HashSet<string> done)
    {
        foreach (var visit in pages.ToList())
        {
            foreach (var form in visit.Forms.Where(f => !f.SignsOut))
            {
                var formKind = visit.Kind + " " + FormKindOf(form.Key);
                if (done.Contains(formKind) || attempts.GetValueOrDefault(formKind) >= FormAttemptsPerKind)
                {
                    continue;
                }

                attempts[formKind] = attempts.GetValueOrDefault(formKind) + 1;
                var refused = await SubmitAsync(visit, form, filled: true);
                await SubmitAsync(visit, form, filled: false);
                // A GET form (a search) never writes: once is enough. A POST form whose valid-looking data was
                // refused is tried on another instance (another lot, alert, patient) so a repeat write can show.
                if (!refused || form.Method != "post")
                {
                    done.Add(formKind);
                }
            }
        }
    }

    private async Task<List<FormInfo>> DescribeFormsAsync()
    {
        var described = await page.EvaluateAsync<JsonElement>(DescribeFormsScript);
        return described.EnumerateArray().Select(f => new FormInfo(
            f.GetProperty("key").GetString()!, f.GetProperty("method").GetString()!, f.GetProperty("action").GetString()!,
            f.GetProperty("label").GetString()!, f.GetProperty("signsOut").GetBoolean())).ToList();
    }

    /// <summary>Opens the page afresh, fills (or empties) the form, submits it, then reloads the result. Returns
    /// whether valid-looking data was refused: nothing written and a 4xx answer or an error on the page.</summary>
    private async Task<bool> SubmitAsync(VisitedPage visit, FormInfo form, bool filled)
    {
        var formName = $"\"{FormKindOf(form.Key)}\"{(form.Label is { Length: > 0 } label ? $" [{label}]" : "")} ({(filled ? "valid-looking data" : "emptied")})";
        var url = visit.Url;
        var step = "open for the form";
        try
        {
            await GotoAsync(url);
            Collect(url, step, formName, visit.Kind);
            if (IsSignInPage())
            {
                findings.Add(new CrawlFinding(url, visit.Kind, formName, step, "the page sent the crawler to sign in: the session was lost"));
                await SignInAsync();
                return false;
            }

            if (!await page.EvaluateAsync<bool>(MarkFormScript, form.Key))
            {
                notes.Add($"{visit.Kind}: form {formName} is no longer on {url} (an earlier submission changed the page).");
                return false;
            }

            var fill = await page.EvaluateAsync<JsonElement>(FillFormScript, filled);
            if (filled)
            {
                foreach (var file in fill.GetProperty("files").EnumerateArray())
                {
                    await page.Locator($"form[data-crawler-form] input[data-crawler-file=\"{file.GetProperty("index").GetInt32()}\"]")
                        .SetInputFilesAsync(CrawlFiles.For(file.GetProperty("accept").GetString() ?? ""));
                }
            }

            step = "submit";
            var beforeSubmit = await RowCounts.TakeAsync(server);
            formsSubmitted++;
#pragma warning disable CS0612, CS0618 // RunAndWait starts waiting before the submit, so it is not racy here.
            var (response, emptyStatus) = await NavigationAsync(() => page.RunAndWaitForNavigationAsync(() => page.EvaluateAsync(SubmitFormScript)));
#pragma warning restore CS0612, CS0618
            if (emptyStatus is { } submitEmpty)
            {
                var wroteAnyway = RowCounts.Differ(beforeSubmit, await RowCounts.TakeAsync(server));
                Collect(url, step, formName, visit.Kind, formPost: true, status: submitEmpty.Status);
                findings.Add(new CrawlFinding(url, visit.Kind, formName, step, EmptyAnswer(submitEmpty), submitEmpty.Status));
                trace.Add($"{visit.Kind} {formName}: {EmptyAnswer(submitEmpty)}{(wroteAnyway ? "; it wrote" : "")}");
                return !wroteAnyway;
            }

            var afterSubmit = await RowCounts.TakeAsync(server);
            var status = response?.Status;
            Collect(url, step, formName, visit.Kind, formPost: true, status: status);
            var wrote = RowCounts.Differ(beforeSubmit, afterSubmit);
            var error = await page.EvaluateAsync<string?>(ErrorTextScript);
            var refused = !wrote && (status >= 400 || error is not null);
            var line = $"{visit.Kind} {formName}: {FirstRequest(response?.Request)?.Method} → {status} {PathOf(page.Url)}"
                + (wrote ? " wrote " + string.Join(", ", RowCounts.Changes(beforeSubmit, afterSubmit)) : " wrote nothing")
                + (error is null ? "" : $" · error shown: {error}");
            await CheckWidthAsync(page.Url, KindOf(page.Url), formName, "submit result");
            await CheckAccessibilityAsync(page.Url, KindOf(page.Url), formName, "submit result");
            if (IsSignInPage())
            {
                trace.Add(line + " · signed out; signed in again");
                notes.Add($"{visit.Kind}: form {formName} ended the session; signed in again.");
                await SignInAsync();
                return refused;
            }

            step = "reload";
            var resultUrl = page.Url;
            var (reload, reloadEmpty) = await NavigationAsync(() => page.ReloadAsync());
            var afterReload = await RowCounts.TakeAsync(server);
            var reloadMethod = reloadEmpty?.Method ?? FirstRequest(reload?.Request)?.Method;
            if (reloadEmpty is { } empty)
            {
                findings.Add(new CrawlFinding(resultUrl, visit.Kind, formName, step, EmptyAnswer(empty), empty.Status));
                line += " · reload: " + EmptyAnswer(empty);
            }

            Collect(resultUrl, step, formName, visit.Kind, formPost: reloadMethod == "POST", status: reload?.Status);
            line += $" · reload {reloadMethod} → {reload?.Status}";
            if (reloadMethod == "POST")
            {
                var grown = RowCounts.Grown(afterSubmit, afterReload);
                var changed = RowCounts.ChangedInPlace(afterSubmit, afterReload);
                if (grown.Count > 0)
                {
                    line += " wrote again " + string.Join(", ", grown);
                    findings.Add(new CrawlFinding(resultUrl, visit.Kind, formName, step,
                        "the post answered without redirecting, so reloading the result sent it again and it inserted again: " + string.Join(", ", grown),
                        status));
                }

                // Not a duplicate by count, but the resent post acted again: an update or delete (a toggle flipping back).
                if (changed.Count > 0)
                {
                    line += " changed again " + string.Join(", ", changed);
                    findings.Add(new CrawlFinding(resultUrl, visit.Kind, formName, step,
                        "the post answered without redirecting, so reloading the result sent it again and it changed stored rows again: " + string.Join(", ", changed),
                        status));
                }
            }

            trace.Add(line);
            if (IsSignInPage())
            {
                await SignInAsync();
            }

            return refused;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await SettleAsync();
            Collect(url, step, formName, visit.Kind, formPost: step != "open for the form");
            findings.Add(new CrawlFinding(url, visit.Kind, formName, step, "the crawler could not finish this step", Detail: ex.Message));
            return false;
        }
    }

    /// <summary>Runs a navigation. An error status with an empty body makes Chromium fail the navigation and show
    /// its own error page ("This page isn't working"); that comes back as the first request's method and the status,
    /// after the error page has settled, so the crawl goes on.</summary>
    private async Task<(IResponse? Response, (string Method, int Status)? Empty)> NavigationAsync(Func<Task<IResponse?>> navigate)
    {
        lock (gate)
        {
            lastDocument = null;
            firstDocumentMethod = null;
        }

        try
        {
            return (await navigate(), null);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            await SettleAsync();
            lock (gate)
            {
                return (null, (firstDocumentMethod ?? "?", lastDocument?.Status ?? 0));
            }
        }
    }

    private static string EmptyAnswer((string Method, int Status) empty) =>
        $"the {empty.Method} was answered {empty.Status} with an empty body: the browser shows its own error page (\"This page isn't working\"), not the app's";

    /// <summary>Goes to <paramref name="url"/>; once more if a navigation still under way (an error page being
    /// shown) interrupted it.</summary>
    private async Task GotoAsync(string url)
    {
        try
        {
            await page.GotoAsync(url);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
        {
            await SettleAsync();
            await page.GotoAsync(url);
        }
    }

    /// <summary>Lets a navigation under way finish (e.g. Chromium committing its error page), so the next step
    /// starts from a quiet page.</summary>
    private async Task SettleAsync()
    {
        try
        {
            await page.WaitForTimeoutAsync(250);
            await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 10_000 });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // Nothing more to wait for.
        }
    }

    private static IRequest? FirstRequest(IRequest? request)
    {
        while (request?.RedirectedFrom is { } earlier)
        {
            request = earlier;
        }

        return request;
    }

    // ---- Checks ---------------------------------------------------------------------------------------------

    /// <summary>axe-core on each kind of page once, and once more on each form's result (its error state): serious
    /// or critical violations are findings. The context must have <see cref="Axe.AddToAsync"/>.</summary>
    private async Task CheckAccessibilityAsync(string url, string kind, string? form, string step)
    {
        if (!CheckAccessibility || !axeChecked.Add(kind.Split('?')[0] + "|" + form) || IsSignInPage() && !IsSignInPage(url))
        {
            return;
        }

        foreach (var v in await Axe.SeriousViolationsAsync(page))
        {
            findings.Add(new CrawlFinding(page.Url, kind, form, step, $"accessibility (axe-core {v.Id}, {v.Impact}): {v.Help}",
                Detail: "at " + string.Join(" · ", v.Targets)));
        }
    }

    private async Task CheckWidthAsync(string url, string kind, string? form, string step)
    {
        if (!CheckWidth)
        {
            return;
        }

        var wide = await page.EvaluateAsync<JsonElement?>(WidthScript);
        // One finding per kind of page: the same page again as a form's result adds nothing.
        if (wide is { ValueKind: JsonValueKind.Object } w && tooWide.Add(kind.Split('?')[0]))
        {
            findings.Add(new CrawlFinding(page.Url, kind, form, step,
                $"the page is {w.GetProperty("scrollWidth").GetInt32()} px wide on a {w.GetProperty("clientWidth").GetInt32()} px viewport (scrolls sideways)",
                Detail: "widest content: " + w.GetProperty("culprits").GetString()));
        }
    }

    /// <summary>Moves what the page reported since the last step into findings. A console line "Failed to load
    /// resource" about the document itself after the crawler's own form post is the browser echoing the answer's
    /// status (400 with the form's errors is how the app refuses input); the status is judged on its own, so the
    /// line is not counted twice. On a plain visit the same line is kept: a link that leads to an error is one.</summary>
    private void Collect(string url, string step, string? form, string? kind = null, bool formPost = false, int? status = null)
    {
        kind ??= KindOf(url);
        List<string> console, errors;
        List<(string Method, string Url, int Status)> fives;
        Dictionary<string, int> documents;
        lock (gate)
        {
            console = [.. consoleErrors];
            errors = [.. pageErrors];
            fives = [.. serverErrors];
            documents = new(documentStatus, StringComparer.Ordinal);
            consoleErrors.Clear();
            pageErrors.Clear();
            serverErrors.Clear();
            documentStatus.Clear();
        }

        var serverLog = server.Errors.Drain().Trim();
        foreach (var (method, at, code) in fives)
        {
            findings.Add(new CrawlFinding(url, kind, form, step, $"{method} {PathOf(at)} answered {code}", code,
                serverLog.Length > 0 ? "server log: " + serverLog : null));
        }

        foreach (var text in console)
        {
            // Chromium's own error page after an empty error answer: reported as that answer (EmptyAnswer).
            if (text.StartsWith("Failed to load resource", StringComparison.Ordinal) && text.EndsWith("@ chrome-error://chromewebdata/", StringComparison.Ordinal))
            {
                continue;
            }

            var aboutDocument = documents.Keys.Any(d => text.EndsWith($"@ {d}", StringComparison.Ordinal));
            if (text.StartsWith("Failed to load resource", StringComparison.Ordinal) && aboutDocument
                && (formPost || fives.Count > 0 || documents.Values.Any(s => s >= 500)))
            {
                continue;
            }

            findings.Add(new CrawlFinding(url, kind, form, step, "console error: " + text, status));
        }

        foreach (var error in errors)
        {
            findings.Add(new CrawlFinding(url, kind, form, step, "page error (uncaught script exception): " + error, status));
        }

        if (fives.Count == 0 && serverLog.Length > 0)
        {
            notes.Add($"{kind} {form} [{step}]: the server logged an error without a 5xx: {serverLog.Split('\n')[0]}");
        }
    }

    private static string ConsoleText(IConsoleMessage message) =>
        message.Location is { Length: > 0 } location ? $"{message.Text} @ {StripLine(location)}" : message.Text;

    /// <summary>Playwright's location is "url:line:column"; keep the url.</summary>
    private static string StripLine(string location) => LineAndColumn().Replace(location, "");

    private bool IsSignInPage() => IsSignInPage(page.Url);

    private static bool IsSignInPage(string url) =>
        new Uri(url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.PathAndQuery : url;

    // ---- Kinds ----------------------------------------------------------------------------------------------

    private string KindOf(string url) => kinds.KindOf(url);

    /// <summary>A form's key with ids replaced, e.g. "alert-{}" for one alert's form among many.</summary>
    private static string FormKindOf(string key) => Ids().Replace(key, "{}");

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+")]
    private static partial Regex Ids();

    [GeneratedRegex(@"/[^/]+\.[A-Za-z0-9]{2,5}$")]
    private static partial Regex FileName();

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();

    // ---- Scripts --------------------------------------------------------------------------------------------

    /// <summary>A form's key: its Blazor form name (the hidden _handler), else method, action and label; a second
    /// form of the same key gets " #2". The same function finds the form again on a fresh copy of the page.</summary>
    private const string KeyFunction = """
        const crawlerKeys = () => {
            const seen = {};
            return Array.from(document.forms).map(f => {
                const handler = f.querySelector('input[name="_handler"]');
                const method = (f.getAttribute('method') || 'get').toLowerCase();
                const action = f.getAttribute('action') || '';
                const base = handler ? handler.value : `${method} ${action} ${f.getAttribute('aria-label') || f.getAttribute('id') || ''}`.trim();
                seen[base] = (seen[base] || 0) + 1;
                return { form: f, key: seen[base] === 1 ? base : `${base} #${seen[base]}`, method, action };
            });
        };
        """;

    private const string DescribeFormsScript = "() => {" + KeyFunction + """
            return crawlerKeys().map(({ form, key, method, action }) => {
                const submitter = Array.from(form.elements).find(e => e.type === 'submit');
                const label = submitter ? (submitter.innerText || submitter.value || '').trim().replace(/\s+/g, ' ') : '';
                return { key, method, action, label, signsOut: /\/account\/sign-out/i.test(action) };
            });
        }
        """;

    private const string MarkFormScript = "(wanted) => {" + KeyFunction + """
            const hit = crawlerKeys().find(k => k.key === wanted);
            if (!hit) return false;
            hit.form.setAttribute('data-crawler-form', '');
            return true;
        }
        """;

    /// <summary>Fills the marked form's empty fields with valid-looking data, or empties every field a person edits.
    /// Hidden fields, the antiforgery token, the idempotency key and checkboxes that confirm a legal warning are
    /// left alone. Returns the file inputs to fill (numbered).</summary>
    private const string FillFormScript = """
        (filled) => {
            const form = document.querySelector('form[data-crawler-form]');
            const pad = n => String(n).padStart(2, '0');
            const d = new Date();
            const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
            const now = `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
            const within = (v, el) => (el.min && v < el.min) ? el.min : (el.max && v > el.max) ? el.max : v;
            const cut = (v, el) => el.maxLength > 0 ? v.slice(0, el.maxLength) : v;
            const labelOf = el => [el.name || '', el.closest('label')?.innerText || '', el.id ? (document.querySelector(`label[for="${el.id}"]`)?.innerText || '') : ''].join(' ');
            const confirmsLegal = el => /confirm|legal/i.test(labelOf(el));
            // A field its label or fieldset calls optional ("optional", "empty: until changed") stays empty: a person
            // entering valid data leaves those alone, and a made-up planned break or titration rule is not valid.
            const optional = el => /optional|\(empty|leave [^.]*empty/i.test(labelOf(el) + ' ' + (el.closest('fieldset')?.querySelector('legend')?.innerText || ''));
            const number = el => {
                let v = 1;
                const min = el.min !== '' ? Number(el.min) : null, max = el.max !== '' ? Number(el.max) : null;
                if (min !== null && v < min) v = min;
                if (max !== null && v > max) v = max;
                const step = el.step && el.step !== 'any' ? Number(el.step) : null;
                if (step) {
                    const base = min ?? 0;
                    v = base + Math.ceil((v - base) / step - 1e-9) * step;
                    if (max !== null && v > max) v = base;
                    v = Number(v.toFixed(6));
                }
                return String(v);
            };
            const files = [];
            const groups = new Set();
            for (const el of Array.from(form.elements)) {
                const tag = el.tagName, type = (el.type || '').toLowerCase();
                if (el.disabled || tag === 'BUTTON' || tag === 'FIELDSET' || tag === 'OUTPUT' || tag === 'OBJECT') continue;
                if (['submit', 'button', 'reset', 'image', 'hidden'].includes(type)) continue;
                if (['__RequestVerificationToken', '_handler', 'idempotencyKey'].includes(el.name)) continue;
                if (el.readOnly && tag !== 'SELECT') continue;
                if (type === 'file') {
                    el.setAttribute('data-crawler-file', String(files.length));
                    files.push({ index: files.length, accept: el.accept || '' });
                    continue;
                }
                if (type === 'checkbox') {
                    if (!filled && !confirmsLegal(el)) el.checked = false;
                    continue;
                }
                if (type === 'radio') {
                    if (groups.has(el.name)) continue;
                    groups.add(el.name);
                    const group = Array.from(form.elements).filter(r => r.type === 'radio' && r.name === el.name);
                    if (!filled) { group.forEach(r => r.checked = false); continue; }
                    const chosen = group.find(r => r.checked);
                    if (!chosen || chosen.value === '') { const first = group.find(r => r.value !== ''); if (first) first.checked = true; }
                    continue;
                }
                if (tag === 'SELECT') {
                    const options = Array.from(el.options);
                    if (!filled) {
                        if (el.multiple) options.forEach(o => o.selected = false);
                        else { const blank = options.find(o => o.value === ''); if (blank) el.value = ''; }
                    } else if ((el.multiple ? el.selectedOptions.length === 0 : el.value === '') && !optional(el)) {
                        const first = options.find(o => o.value !== '' && !o.disabled);
                        if (first) first.selected = true;
                    }
                    continue;
                }
                if (!filled) { el.value = ''; continue; }
                if (el.value !== '' || optional(el)) continue;
                if (tag === 'TEXTAREA') { el.value = cut('Crawler test', el); continue; }
                // A text box that asks for a number (inputmode), an e-mail, a phone or a code shown by example
                // ("e.g. US-TN") gets one; anything else is text.
                const said = labelOf(el);
                const example = /e\.g\.\s*([A-Z0-9][A-Z0-9-]*)\b/.exec(said);
                if (type === 'text' || type === 'search' || type === '') {
                    if (['numeric', 'decimal'].includes(el.inputMode)) { el.value = number(el); continue; }
                    if (/e-?mail/i.test(said)) { el.value = cut('crawler@example.org', el); continue; }
                    if (/phone/i.test(said)) { el.value = cut('+1 555 0100', el); continue; }
                    if (/user ?name/i.test(said)) { el.value = cut('crawler' + Math.floor(Math.random() * 1e6), el); continue; }
                    if (example) { el.value = cut(example[1], el); continue; }
                }
                switch (type) {
                    case 'number': case 'range': el.value = number(el); break;
                    case 'date': el.value = within(/birth/i.test(labelOf(el)) ? '1980-06-15' : today, el); break;
                    case 'datetime-local': el.value = within(now, el); break;
                    case 'time': el.value = within('12:00', el); break;
                    case 'month': el.value = within(today.slice(0, 7), el); break;
                    case 'email': el.value = cut('crawler@example.org', el); break;
                    case 'url': el.value = cut('https://example.org/crawler', el); break;
                    case 'tel': el.value = cut('+1 555 0100', el); break;
                    case 'password': el.value = cut('Crawler-Test-Password-1', el); break;
                    default: el.value = cut('Crawler test', el); break;
                }
            }
            return { files };
        }
        """;

    /// <summary>Submits the marked form with its first submit button (so the button's name and value go too),
    /// without the browser's own validation: the crawler wants the server's answer to empty and odd input.</summary>
    private const string SubmitFormScript = """
        () => {
            const form = document.querySelector('form[data-crawler-form]');
            form.noValidate = true;
            const submitter = Array.from(form.elements).find(e => e.type === 'submit');
            HTMLFormElement.prototype.requestSubmit.call(form, submitter);
        }
        """;

    /// <summary>The first error the page shows (the app's role="alert" blocks and validation messages), or null.</summary>
    private const string ErrorTextScript = """
        () => {
            const shown = Array.from(document.querySelectorAll('main [role="alert"], .validation-message'))
                .map(el => (el.id ? el.id.replace(/-problem$/, '') + ': ' : '') + el.innerText.trim().replace(/\s+/g, ' '));
            return shown.length ? shown.join(' | ').slice(0, 600) : null;
        }
        """;

    /// <summary>Null when the page fits its viewport; else both widths and the first elements that stick out.</summary>
    private const string WidthScript = """
        () => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
            const out = [];
            for (const el of document.body.querySelectorAll('*')) {
                const right = el.getBoundingClientRect().right;
                if (right > root.clientWidth + 0.5 && !Array.from(el.children).some(c => c.getBoundingClientRect().right > root.clientWidth + 0.5)) {
                    out.push(`${describe(el)} (right edge ${Math.round(right)} px)`);
                    if (out.length >= 3) break;
                }
            }
            return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: out.join('; ') };
        }
        """;

    /// <summary>Findings in order, each once: a page seen again (the second pass looking for new forms) repeats
    /// nothing already reported.</summary>
    private sealed class FindingList : System.Collections.IEnumerable
    {
        private readonly List<CrawlFinding> all = [];
        private readonly HashSet<(string, string?, string, string)> seen = [];

        public IReadOnlyList<CrawlFinding> All => all;

        public void Add(CrawlFinding finding)
        {
            if (seen.Add((finding.PageUrl, finding.Form, finding.Step, finding.What)))
            {
                all.Add(finding);
            }
        }

        public System.Collections.IEnumerator GetEnumerator() => all.GetEnumerator();
    }

    internal sealed record VisitedPage(string Url, string Kind, IReadOnlyList<FormInfo> Forms);

    internal sealed record FormInfo(string Key, string Method, string Action, string Label, bool SignsOut);
}
