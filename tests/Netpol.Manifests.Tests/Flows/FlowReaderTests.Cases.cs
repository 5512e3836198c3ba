using static Netpol.Manifests.Tests.Flows.HubbleLines;

namespace Netpol.Manifests.Tests.Flows;

public partial class FlowReaderTests
{
    /// <summary>One Hubble line and what the reader must make of it: a flow (ends, port) or a skip of one kind.</summary>
    public sealed record HubbleCase(string Name, string Line, string Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>A flow log with bad lines, and the errors it must produce (FILE:LINE:COL: message part).</summary>
    public sealed record ErrorCase(string Name, string Text, string[] Errors, string[] Codes)
    {
        public override string ToString() => Name;
    }

    /// <summary>One CSV line and the flow it must be.</summary>
    public sealed record CsvCase(string Name, string Line, string Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<HubbleCase> HubbleShapes => new()
    {
        new("a flow wrapped in {flow: ...} as hubble observe prints it",
            Flow(), "flow shop/web-5d8f7c9b4-x2x9z -> shop/db-0 on 5432/TCP"),
        new("an older Hubble's flow object at the top level",
            OldFlow(), "flow shop/web-5d8f7c9b4-x2x9z -> shop/db-0 on 5432/TCP"),
        new("a UDP flow",
            Flow(destination: Db, l4: Udp(53)), "flow shop/web-5d8f7c9b4-x2x9z -> shop/db-0 on 53/UDP"),
        new("an SCTP flow",
            Flow(l4: """{"SCTP":{"source_port":9000,"destination_port":3868}}"""), "flow shop/web-5d8f7c9b4-x2x9z -> shop/db-0 on 3868/SCTP"),
        new("a flow from the world keeps its address",
            Flow(source: World, destination: Web, l4: Tcp(443), sourceIP: "203.0.113.7"), "flow 203.0.113.7 -> shop/web-5d8f7c9b4-x2x9z on 443/TCP"),
        new("is_reply false is a flow",
            Flow(extra: ""","is_reply":false"""), "flow shop/web-5d8f7c9b4-x2x9z -> shop/db-0 on 5432/TCP"),
        new("is_reply true is a reply, skipped",
            Flow(extra: ""","is_reply":true"""), "reply"),
        new("is_reply wrapped as {value: true} is a reply, skipped",
            Flow(extra: ""","is_reply":{"value":true}"""), "reply"),
        new("an ICMPv4 flow has no port: non-L4, skipped",
            Flow(l4: """{"ICMPv4":{"type":8}}"""), "nonL4"),
        new("an ICMPv6 flow has no port: non-L4, skipped",
            Flow(l4: """{"ICMPv6":{"type":128}}"""), "nonL4"),
        new("a flow without l4 is non-L4, skipped",
            """{"flow":{"time":"2025-03-14T09:00:01Z","verdict":"DROPPED","IP":{"source":"10.244.1.7","destination":"10.244.2.9"},"source":{"namespace":"shop","pod_name":"web"},"destination":{"namespace":"shop","pod_name":"db-0"}}}""", "nonL4"),
        new("a TCP flow without a destination port is non-L4, skipped",
            Flow(l4: """{"TCP":{"source_port":1234}}"""), "nonL4"),
        new("a node_status line is no flow, skipped",
            """{"node_status":{"state_change":"NODE_CONNECTED","node_names":["worker-2"]},"node_name":"worker-2","time":"2025-03-14T09:00:00Z"}""", "notFlow"),
        new("a lost_events line is no flow, skipped",
            """{"lost_events":{"source":"HUBBLE_RING_BUFFER","num_events_lost":12},"node_name":"worker-1","time":"2025-03-14T09:00:00Z"}""", "notFlow"),
        new("an empty object is no flow, skipped",
            "{}", "notFlow"),
    };

    public static TheoryData<ErrorCase> MalformedLogs => new()
    {
        new("a line cut short is malformed JSON, at its line",
            Flow() + "\n" + Flow()[..120] + "\n" + Flow(),
            ["f.jsonl:2:121: not valid JSON"], ["flow-json"]),
        new("every malformed line is reported, and reading goes on",
            "{\"flow\": nope}\n" + Flow() + "\n{\"flow\":{\"l4\":{\"TCP\":{\"destination_port\":80}}},}\n",
            ["f.jsonl:1:11: not valid JSON", "f.jsonl:3:48: not valid JSON: The JSON object contains a trailing comma"], ["flow-json", "flow-json"]),
        new("a JSON array is not a flow line",
            Flow() + "\n[1, 2]",
            ["f.jsonl:2:1: expected one JSON object per line"], ["flow-json"]),
        new("two objects on one line are an error",
            Flow() + " {}",
            [$"f.jsonl:1:{Flow().Length + 2}: more than one JSON value on the line"], ["flow-json"]),
        new("a time that is not RFC 3339 is an error at the time",
            Flow().Replace("\"time\":\"2025-03-14T09:00:01.123456789Z\",\"verdict\"", "\"time\":\"yesterday\",\"verdict\"", StringComparison.Ordinal),
            ["f.jsonl:1:17: flow.time: an RFC 3339 time"], ["flow-field"]),
        new("an address that is no IP is an error at the address",
            Flow(sourceIP: "10.244.1.300"),
            ["f.jsonl:1:87: flow.IP.source: an IP address"], ["flow-field"]),
    };

    public static TheoryData<CsvCase> CsvLines => new()
    {
        new("pod to pod with a count",
            "shop/web-1,shop/db-0,5432,TCP,12", "shop/web-1 -> shop/db-0 on 5432/TCP x12"),
        new("without a count, one flow",
            "shop/web-1,shop/db-0,5432,TCP", "shop/web-1 -> shop/db-0 on 5432/TCP x1"),
        new("an empty protocol is TCP",
            "shop/web-1,shop/db-0,5432,", "shop/web-1 -> shop/db-0 on 5432/TCP x1"),
        new("protocols are case-insensitive",
            "shop/web-1,kube-system/deploy/coredns,53,udp,3", "shop/web-1 -> kube-system/deploy/coredns on 53/UDP x3"),
        new("a workload kind alias is read as its short name",
            "shop/deployment/web,shop/statefulset/db,5432,TCP", "shop/deploy/web -> shop/sts/db on 5432/TCP x1"),
        new("ns/pod/name is a pod",
            "shop/pod/web-1,shop/db-0,5432,SCTP", "shop/web-1 -> shop/db-0 on 5432/SCTP x1"),
        new("IPv4 and IPv6 addresses",
            "203.0.113.9,2001:db8::7,443,TCP,2", "203.0.113.9 -> 2001:db8::7 on 443/TCP x2"),
        new("spaces around fields are trimmed",
            " shop/web-1 , shop/db-0 , 5432 , TCP , 4 ", "shop/web-1 -> shop/db-0 on 5432/TCP x4"),
    };

    public static TheoryData<ErrorCase> BadCsv => new()
    {
        new("too few fields, at the end of the line",
            "shop/a,shop/b,80",
            ["f.csv:1:17: expected src,dst,port,protocol[,count]: found 3 fields"], ["flow-csv-fields"]),
        new("too many fields, at the sixth",
            "shop/a,shop/b,80,TCP,1,x",
            ["f.csv:1:24: expected src,dst,port,protocol[,count]: found 6 fields"], ["flow-csv-fields"]),
        new("a port out of range, at the port",
            "shop/a,shop/b,70000,TCP",
            ["f.csv:1:15: port \"70000\": a port is a number from 1 to 65535"], ["flow-csv-port"]),
        new("an unknown protocol, at the protocol",
            "shop/a,shop/b,80,ICMP",
            ["f.csv:1:18: protocol \"ICMP\": use TCP, UDP or SCTP"], ["flow-csv-protocol"]),
        new("a count of zero, at the count",
            "shop/a,shop/b,80,TCP,0",
            ["f.csv:1:22: count \"0\": a count is a whole number of at least 1"], ["flow-csv-count"]),
        new("a Service is no flow endpoint",
            "shop/svc/web,shop/b,80,TCP",
            ["f.csv:1:1: src \"shop/svc/web\": a Service is no flow endpoint"], ["flow-csv-endpoint"]),
        new("an unknown kind",
            "shop/a,shop/widget/b,80,TCP",
            ["f.csv:1:8: dst \"shop/widget/b\": unknown kind \"widget\""], ["flow-csv-endpoint"]),
        new("a bare word is neither pod nor address",
            "10.0.0.300,shop/b,80,TCP",
            ["f.csv:1:1: src \"10.0.0.300\": not an IP address; a pod is written NS/POD"], ["flow-csv-endpoint"]),
        new("every bad field of a line is reported, at its column",
            "shop/a,,0,XTP,-2",
            ["f.csv:1:8: dst \"\": empty", "f.csv:1:9: port \"0\"", "f.csv:1:11: protocol \"XTP\"", "f.csv:1:15: count \"-2\""],
            ["flow-csv-endpoint", "flow-csv-port", "flow-csv-protocol", "flow-csv-count"]),
        new("every bad line is reported, with its line number",
            "src,dst,port,protocol\n# comment\nshop/a,shop/b,80,TCP\nshop/a,shop/b,x,TCP\n\nshop/a,shop/b,80,TCP,many\n",
            ["f.csv:4:15: port \"x\"", "f.csv:6:22: count \"many\""], ["flow-csv-port", "flow-csv-count"]),
    };
}
