using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Nodes;
using Netpol.Core;

namespace Netpol.LiveCluster.Reading;

/// <summary>
/// Lists one resource through the official client's HTTP pipeline (its TLS settings and credentials), page by page
/// with <c>limit</c> and <c>continue</c>, keeping the API server's JSON as it is. Transient failures (timeouts, 429,
/// 5xx, refused connections) are retried with doubling waits; an expired continue token (410) restarts the list;
/// 401 and 403 fail at once with a message that says what to fix.
/// </summary>
internal sealed class ApiLister
{
    private readonly ClusterConnection _connection;
    private readonly ClusterSourceOptions _options;

    public ApiLister(ClusterConnection connection, ClusterSourceOptions options)
    {
        _connection = connection;
        _options = options;
    }

    /// <summary>Every object of the resource (in one namespace, or all); null when an optional resource is not served (404).</summary>
    public async Task<List<JsonObject>?> ListAsync(ApiResource resource, string? ns, Action<int> onPage, CancellationToken cancel)
    {
        var items = new List<JsonObject>();
        string? token = null;
        var restarts = 0;
        while (true)
        {
            var query = $"?limit={_options.PageSize}" + (token is null ? string.Empty : "&continue=" + Uri.EscapeDataString(token));
            var (status, body) = await GetAsync(resource.ListPath(ns) + query, resource, ns, cancel).ConfigureAwait(false);
            if (status == HttpStatusCode.NotFound)
            {
                return resource.Optional ? null : throw new NetpolException($"cannot list {resource.Describe(ns)}: the API server at {_connection.Server} does not serve {resource.ApiVersion} {resource.Plural} (404)");
            }

            if (status == HttpStatusCode.Gone)
            {
                // The continue token outlived the server's compaction window: start the list again.
                if (token is null || ++restarts > _options.MaxListRestarts)
                {
                    throw new NetpolException($"cannot list {resource.Describe(ns)}: the list kept expiring (410 Gone) while it was read; try again, or lower the load on the API server");
                }

                items.Clear();
                token = null;
                continue;
            }

            JsonObject root;
            try
            {
                root = JsonNode.Parse(body)?.AsObject() ?? throw new JsonException("empty body");
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                throw new NetpolException($"cannot list {resource.Describe(ns)}: the API server at {_connection.Server} answered something that is not a list ({ex.Message})", ex);
            }

            if (root["items"] is JsonArray array)
            {
                var page = array.ToList();
                array.Clear(); // detach the items so that each can be owned alone
                foreach (var item in page)
                {
                    if (item is JsonObject obj)
                    {
                        items.Add(obj);
                    }
                }

                onPage(page.Count);
            }

            token = root["metadata"]?["continue"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token))
            {
                return items;
            }
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string pathAndQuery, ApiResource resource, string? ns, CancellationToken cancel)
    {
        var url = new Uri(_connection.Server.TrimEnd('/') + pathAndQuery);
        string? lastFailure = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                var wait = _options.InitialBackoff * Math.Pow(2, attempt - 2);
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                await AuthenticateAsync(request, timeout.Token).ConfigureAwait(false);
                using var response = await _connection.Client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                var status = response.StatusCode;
                switch ((int)status)
                {
                    case 200 or 404 or 410:
                        return (status, body);
                    case 401:
                        throw new NetpolException($"the API server at {_connection.Server} rejected the credentials of context \"{_connection.Context}\" (401 Unauthorized{Detail(body)}): log in again or renew the token in {_connection.Origin}");
                    case 403:
                        throw new NetpolException($"cannot list {resource.Describe(ns)}: forbidden by RBAC{Detail(body)}. netpol needs list on {Rule(resource)}; docs/rbac.yaml has a read-only ClusterRole that grants it");
                    case 429 or 500 or 502 or 503 or 504:
                        lastFailure = $"{(int)status} {response.ReasonPhrase}{Detail(body)}";
                        break;
                    default:
                        throw new NetpolException($"cannot list {resource.Describe(ns)}: the API server answered {(int)status} {response.ReasonPhrase}{Detail(body)}");
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                lastFailure = $"no answer within {_options.RequestTimeout.TotalSeconds:0.###}s";
            }
            catch (HttpRequestException ex) when (IsTls(ex))
            {
                throw new NetpolException($"cannot trust the API server at {_connection.Server}: {Innermost(ex)}. Check certificate-authority(-data) of the cluster in {_connection.Origin}", ex);
            }
            catch (HttpRequestException ex)
            {
                lastFailure = Innermost(ex);
            }
        }

        throw new NetpolException($"cannot list {resource.Describe(ns)} from the API server at {_connection.Server} (context \"{_connection.Context}\"): {lastFailure}; gave up after {_options.MaxAttempts} attempts");
    }

    private async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        if (_connection.Client.Credentials is not { } credentials)
        {
            return;
        }

        try
        {
            await credentials.ProcessHttpRequestAsync(request, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new NetpolException($"cannot get credentials for context \"{_connection.Context}\": {ex.Message}", ex);
        }
    }

    private static string Rule(ApiResource resource) =>
        resource.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{resource.Group}";

    private static bool IsTls(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    private static string Innermost(Exception ex)
    {
        var e = ex;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e == ex || ex.Message.Contains(e.Message, StringComparison.Ordinal) ? ex.Message : $"{ex.Message} ({e.Message})";
    }

    // The API server explains refusals in a Status object: {"kind":"Status","message":"pods is forbidden: ...","code":403}.
    private static string Detail(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject status && status["message"]?.GetValue<string>() is { Length: > 0 } message)
            {
                return ": " + message;
            }
        }
        catch (JsonException)
        {
            // not a Status object: the status line says enough
        }

        return string.Empty;
    }
}
