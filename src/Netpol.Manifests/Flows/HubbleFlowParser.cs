using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Manifests.Flows;

/// <summary>
/// Reads one line of <c>hubble observe -o json</c>: <c>{"flow":{...},"node_name":...,"time":...}</c>, or the flow
/// object itself at the top level (older Hubble). Only the fields the audit needs are decoded: <c>time</c>,
/// <c>source</c> and <c>destination</c> (namespace, pod_name, labels, workloads), <c>IP</c>, <c>l4</c>,
/// <c>is_reply</c> and <c>verdict</c>; everything else is skipped unread. Endpoint objects repeat on every line of
/// a pod's traffic, so each distinct one is decoded once (by its bytes) and shared.
/// </summary>
internal sealed class HubbleFlowParser
{
    private const int CacheCapacity = 200_000;
    private static readonly FlowEndpoint Nobody = new();

    private readonly Utf8Cache<FlowEndpoint> _endpoints = new(CacheCapacity);
    private readonly Utf8Cache<IPAddress?> _addresses = new(CacheCapacity);
    private readonly Utf8Cache<string> _verdicts = new(256);
    private readonly Dictionary<(FlowEndpoint, IPAddress?), FlowEndpoint> _withAddress = new(EndpointAddressComparer.Instance);

    /// <summary>Reads a line (not blank, not a comment) into a flow, or says what else it was.</summary>
    public HubbleLine Parse(ReadOnlySpan<byte> line, string file, int lineNumber, out Flow? flow, out Diagnostic? error)
    {
        flow = null;
        error = null;
        var fields = default(Fields);
        try
        {
            // Several values on one line read as such, so that the error can say so.
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowMultipleValues = true });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                if (reader.Read())
                {
                    error = FlowDiagnostics.TrailingValue(file, lineNumber, (int)reader.TokenStartIndex + 1);
                    return HubbleLine.Error;
                }

                error = FlowDiagnostics.NotAnObject(file, lineNumber);
                return HubbleLine.Error;
            }

            ReadObject(ref reader, line, ref fields, top: true);
            if (fields.Error is null && reader.Read())
            {
                error = FlowDiagnostics.TrailingValue(file, lineNumber, (int)reader.TokenStartIndex + 1);
                return HubbleLine.Error;
            }
        }
        catch (JsonException ex)
        {
            var detail = ex.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            detail = (cut >= 0 ? detail[..cut] : detail).TrimEnd('.', ' ');
            error = FlowDiagnostics.MalformedJson(file, lineNumber, (int)(ex.BytePositionInLine ?? 0) + 1, detail);
            return HubbleLine.Error;
        }

        if (fields.Error is { } e)
        {
            error = FlowDiagnostics.BadField(file, lineNumber, e.Column, e.Path, e.Expected);
            return HubbleLine.Error;
        }

        if (!fields.IsFlow)
        {
            return HubbleLine.NotFlow;
        }

        if (fields.Reply)
        {
            return HubbleLine.Reply;
        }

        if (fields.Protocol is not { } protocol || fields.Port is < 1 or > 65535)
        {
            return HubbleLine.NonL4;
        }

        flow = new Flow(WithAddress(fields.Source, fields.SourceIP), WithAddress(fields.Destination, fields.DestinationIP), fields.Port, protocol)
        {
            Time = fields.FlowTime ?? fields.TopTime,
            Verdict = fields.Verdict,
            File = file,
            Line = lineNumber,
        };
        return HubbleLine.Flow;
    }

    private FlowEndpoint WithAddress(FlowEndpoint? endpoint, IPAddress? address)
    {
        endpoint ??= Nobody;
        if (address is null)
        {
            return endpoint;
        }

        if (_withAddress.TryGetValue((endpoint, address), out var known))
        {
            return known;
        }

        var result = endpoint with { IP = address };
        if (_withAddress.Count < CacheCapacity)
        {
            _withAddress[(endpoint, address)] = result;
        }

        return result;
    }

    private void ReadObject(ref Utf8JsonReader r, ReadOnlySpan<byte> line, ref Fields f, bool top)
    {
        var prefix = top ? string.Empty : "flow.";
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (top && r.ValueTextEquals("flow"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    f.IsFlow = true;
                    ReadObject(ref r, line, ref f, top: false);
                    if (f.Error is not null)
                    {
                        return;
                    }
                }
                else
                {
                    r.Skip();
                }
            }
            else if (r.ValueTextEquals("time"u8))
            {
                r.Read();
                if (top && f.FlowTime is not null)
                {
                    // The export's own time repeats the flow's: the flow's is the one that counts.
                    r.Skip();
                }
                else if (r.TokenType == JsonTokenType.String)
                {
                    if (!r.TryGetDateTimeOffset(out var time))
                    {
                        f.Fail(r, prefix + "time", "an RFC 3339 time, such as 2025-03-14T09:00:00.123456789Z");
                        return;
                    }

                    if (top)
                    {
                        f.TopTime = time;
                    }
                    else
                    {
                        f.FlowTime = time;
                    }
                }
                else
                {
                    r.Skip();
                }
            }
            else if (r.ValueTextEquals("source"u8))
            {
                f.IsFlow = true;
                f.Source = ReadEndpoint(ref r, line);
            }
            else if (r.ValueTextEquals("destination"u8))
            {
                f.IsFlow = true;
                f.Destination = ReadEndpoint(ref r, line);
            }
            else if (r.ValueTextEquals("IP"u8))
            {
                f.IsFlow = true;
                if (!ReadAddresses(ref r, ref f, prefix))
                {
                    return;
                }
            }
            else if (r.ValueTextEquals("l4"u8))
            {
                f.IsFlow = true;
                ReadL4(ref r, ref f);
            }
            else if (r.ValueTextEquals("is_reply"u8))
            {
                r.Read();
                f.Reply = ReadBool(ref r);
            }
            else if (r.ValueTextEquals("verdict"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.String)
                {
                    f.Verdict = r.ValueIsEscaped ? r.GetString() : _verdicts.Get(r.ValueSpan, static s => System.Text.Encoding.UTF8.GetString(s));
                }
                else
                {
                    r.Skip();
                }
            }
            else
            {
                r.Skip();
            }
        }
    }

    private FlowEndpoint? ReadEndpoint(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }

        var start = (int)r.TokenStartIndex;
        r.Skip();
        var end = (int)r.BytesConsumed;
        return _endpoints.Get(line[start..end], DecodeEndpoint);
    }

    private bool ReadAddresses(ref Utf8JsonReader r, ref Fields f, string prefix)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return true;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var source = r.ValueTextEquals("source"u8);
            if (!source && !r.ValueTextEquals("destination"u8))
            {
                r.Skip();
                continue;
            }

            r.Read();
            if (r.TokenType != JsonTokenType.String)
            {
                r.Skip();
                continue;
            }

            var address = r.ValueIsEscaped ? ParseAddress(System.Text.Encoding.UTF8.GetBytes(r.GetString()!)) : _addresses.Get(r.ValueSpan, ParseAddress);
            if (address is null && !r.ValueSpan.IsEmpty)
            {
                f.Fail(r, $"{prefix}IP.{(source ? "source" : "destination")}", "an IP address");
                return false;
            }

            if (source)
            {
                f.SourceIP = address;
            }
            else
            {
                f.DestinationIP = address;
            }
        }

        return true;
    }

    private static void ReadL4(ref Utf8JsonReader r, ref Fields f)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            Protocol? protocol = r.ValueTextEquals("TCP"u8) ? Protocol.TCP
                : r.ValueTextEquals("UDP"u8) ? Protocol.UDP
                : r.ValueTextEquals("SCTP"u8) ? Protocol.SCTP
                : null;
            r.Read();
            if (protocol is null || r.TokenType != JsonTokenType.StartObject)
            {
                // ICMPv4, ICMPv6 and anything newer: no port that a NetworkPolicy could name.
                r.Skip();
                continue;
            }

            f.Protocol = protocol;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("destination_port"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var port))
                    {
                        f.Port = port;
                    }
                    else
                    {
                        r.Skip();
                    }
                }
                else
                {
                    r.Skip();
                }
            }
        }
    }

    // A BoolValue prints as a bare boolean; accept the wrapped {"value": true} form too.
    private static bool ReadBool(ref Utf8JsonReader r)
    {
        if (r.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return r.GetBoolean();
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return false;
        }

        var value = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("value"u8))
            {
                r.Read();
                value = r.TokenType == JsonTokenType.True;
                r.Skip();
            }
            else
            {
                r.Skip();
            }
        }

        return value;
    }

    private static IPAddress? ParseAddress(ReadOnlySpan<byte> utf8) =>
        IPAddress.TryParse(utf8, out var address) ? address : null;

    private static FlowEndpoint DecodeEndpoint(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        string? ns = null;
        string? pod = null;
        string? workload = null;
        Dictionary<string, string>? labels = null;
        List<string>? reserved = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("namespace"u8))
            {
                r.Read();
                ns = NonEmpty(ref r);
            }
            else if (r.ValueTextEquals("pod_name"u8))
            {
                r.Read();
                pod = NonEmpty(ref r);
            }
            else if (r.ValueTextEquals("labels"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartArray)
                {
                    r.Skip();
                    continue;
                }

                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (r.TokenType == JsonTokenType.String)
                    {
                        AddLabel(r.GetString()!, ref labels, ref reserved);
                    }
                    else
                    {
                        r.Skip();
                    }
                }
            }
            else if (r.ValueTextEquals("workloads"u8))
            {
                r.Read();
                workload ??= ReadWorkload(ref r);
            }
            else
            {
                r.Skip();
            }
        }

        return new FlowEndpoint
        {
            Namespace = ns,
            PodName = pod,
            Workload = workload,
            Labels = labels ?? FlowEndpoint.NoLabels,
            Reserved = reserved ?? [],
        };
    }

    private static string? NonEmpty(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            r.Skip();
            return null;
        }

        var s = r.GetString();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    // Hubble labels read source:key=value: "k8s:app=web", "reserved:world". Other sources (container:, cidr:,
    // fqdn:) say nothing about which pod this is.
    private static void AddLabel(string text, ref Dictionary<string, string>? labels, ref List<string>? reserved)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return;
        }

        var source = text.AsSpan(0, colon);
        var rest = text[(colon + 1)..];
        if (source.SequenceEqual("reserved"))
        {
            (reserved ??= []).Add(rest);
            return;
        }

        if (!source.SequenceEqual("k8s"))
        {
            return;
        }

        var eq = rest.IndexOf('=', StringComparison.Ordinal);
        var (key, value) = eq < 0 ? (rest, string.Empty) : (rest[..eq], rest[(eq + 1)..]);
        (labels ??= new(StringComparer.Ordinal))[key] = value;
    }

    private static string? ReadWorkload(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        string? result = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                continue;
            }

            string? name = null;
            string? kind = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    name = NonEmpty(ref r);
                }
                else if (r.ValueTextEquals("kind"u8))
                {
                    r.Read();
                    kind = NonEmpty(ref r);
                }
                else
                {
                    r.Skip();
                }
            }

            if (result is null && name is not null && kind is not null)
            {
                var shortKind = WorkloadKinds.ByKind.TryGetValue(kind, out var k) ? k.Short : kind.ToLowerInvariant();
                result = $"{shortKind}/{name}";
            }
        }

        return result;
    }

    private struct Fields
    {
        public bool IsFlow;
        public DateTimeOffset? FlowTime;
        public DateTimeOffset? TopTime;
        public FlowEndpoint? Source;
        public FlowEndpoint? Destination;
        public IPAddress? SourceIP;
        public IPAddress? DestinationIP;
        public Protocol? Protocol;
        public int Port;
        public bool Reply;
        public string? Verdict;
        public (int Column, string Path, string Expected)? Error;

        public void Fail(in Utf8JsonReader r, string path, string expected) =>
            Error = ((int)r.TokenStartIndex + 1, path, expected);
    }

    private sealed class EndpointAddressComparer : IEqualityComparer<(FlowEndpoint Endpoint, IPAddress? Address)>
    {
        public static readonly EndpointAddressComparer Instance = new();

        // Endpoints are shared instances from the cache: identity is enough, and cheaper than comparing labels.
        public bool Equals((FlowEndpoint Endpoint, IPAddress? Address) x, (FlowEndpoint Endpoint, IPAddress? Address) y) =>
            ReferenceEquals(x.Endpoint, y.Endpoint) && Equals(x.Address, y.Address);

        public int GetHashCode((FlowEndpoint Endpoint, IPAddress? Address) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Endpoint), obj.Address);
    }
}
