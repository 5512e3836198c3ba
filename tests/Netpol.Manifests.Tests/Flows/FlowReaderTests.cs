using System.Net;
using System.Text;
using Netpol.Core;
using Netpol.Manifests.Flows;
using static Netpol.Manifests.Tests.Flows.HubbleLines;

namespace Netpol.Manifests.Tests.Flows;

/// <summary>
/// How flow logs get in: Hubble JSON lines of every shape (wrapped, top-level, replies, ICMP, lines that are no
/// flow), CSV lines, format detection per file, and errors with their line and column. Rows in
/// <c>FlowReaderTests.Cases.cs</c>.
/// </summary>
public partial class FlowReaderTests
{
    [Theory]
    [MemberData(nameof(HubbleShapes))]
    public void A_hubble_line_becomes_a_flow_or_a_counted_skip(HubbleCase row)
    {
        // Given
        var reader = new FlowReader();

        // When
        var flows = reader.ReadText(row.Line + "\n", "f.jsonl").ToList();

        // Then
        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        var skipped = reader.Skipped;
        var actual = flows.Count == 1 ? $"flow {Describe(flows[0])}"
            : skipped.Replies == 1 ? "reply"
            : skipped.NonL4 == 1 ? "nonL4"
            : skipped.NotFlows == 1 ? "notFlow"
            : $"{flows.Count} flows, skipped {skipped}";
        Assert.Equal(row.Expected, actual);
    }

    [Fact]
    public void A_hubble_flow_carries_time_verdict_labels_workload_and_addresses()
    {
        var flow = new FlowReader().ReadText(Flow(), "f.jsonl").Single();

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 1, TimeSpan.Zero).AddTicks(1234567), flow.Time);
        Assert.Equal("FORWARDED", flow.Verdict);
        Assert.Equal(("f.jsonl", 1), (flow.File, flow.Line));
        Assert.Equal(1, flow.Count);
        var web = flow.Source;
        Assert.Equal("shop", web.Namespace);
        Assert.Equal("web-5d8f7c9b4-x2x9z", web.PodName);
        Assert.Equal(IPAddress.Parse("10.244.1.7"), web.IP);
        Assert.Equal("deploy/web", web.Workload);
        Assert.Equal("web", web.Labels["app"]);
        Assert.Equal("shop", web.Labels["io.kubernetes.pod.namespace"]);
        Assert.Empty(web.Reserved);
        Assert.Equal("sts/db", flow.Destination.Workload);
        Assert.Equal(IPAddress.Parse("10.244.2.9"), flow.Destination.IP);
    }

    [Fact]
    public void Hubble_labels_keep_k8s_and_reserved_sources_only()
    {
        var source = """{"labels":["reserved:world","k8s:app=web","container:id=abc","cidr:0.0.0.0/0","k8s:flag"]}""";

        var flow = new FlowReader().ReadText(Flow(source: source), "f.jsonl").Single();

        Assert.Equal(["world"], flow.Source.Reserved);
        Assert.True(flow.Source.IsWorld);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["flag"] = string.Empty }, flow.Source.Labels);
        Assert.Null(flow.Source.Namespace);
    }

    [Fact]
    public void Skips_are_counted_by_kind_across_a_file()
    {
        // Given: 2 flows, 3 replies, 2 non-L4 flows, 1 line that is no flow, a blank line and a comment
        var text = string.Join("\n",
            Flow(),
            Flow(extra: ""","is_reply":true"""),
            "",
            Flow(extra: ""","is_reply":true"""),
            "# exported at 09:05",
            Flow(l4: """{"ICMPv4":{"type":0}}"""),
            """{"node_status":{},"time":"2025-03-14T09:00:00Z"}""",
            Flow(extra: ""","is_reply":true"""),
            OldFlow(l4: """{"ICMPv6":{"type":129}}"""),
            Flow(l4: Udp(53)));

        // When
        var reader = new FlowReader();
        var flows = reader.ReadText(text, "f.jsonl").ToList();

        // Then
        Assert.Equal([1, 10], flows.Select(f => f.Line));
        Assert.Equal(new FlowSkips(3, 2, 1), reader.Skipped);
        Assert.Equal(5, reader.Skipped.Flows);
    }

    [Theory]
    [MemberData(nameof(MalformedLogs))]
    public void Malformed_hubble_lines_are_errors_with_line_and_column(ErrorCase row) => AssertErrors(row, "f.jsonl");

    [Theory]
    [MemberData(nameof(CsvLines))]
    public void A_csv_line_becomes_a_flow(CsvCase row)
    {
        var reader = new FlowReader();

        var flows = reader.ReadText(row.Line, "f.csv").ToList();

        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        var flow = Assert.Single(flows);
        Assert.Equal(row.Expected, $"{Describe(flow)} x{flow.Count}");
        Assert.Null(flow.Time);
    }

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void Bad_csv_lines_are_errors_with_line_and_column(ErrorCase row) => AssertErrors(row, "f.csv");

    [Fact]
    public void A_csv_header_is_recognised_on_the_first_line_only()
    {
        var reader = new FlowReader();

        var flows = reader.ReadText("# flows of Monday\nsource,destination,port,protocol,count\nshop/a,shop/b,80,TCP,2\n", "f.csv").ToList();
        _ = reader.ReadText("shop/a,shop/b,80,TCP\nsrc,dst,port,protocol\n", "g.csv").Count();

        Assert.Single(flows);
        Assert.Equal(["g.csv:2:1: src \"src\": not an IP address; a pod is written NS/POD", "g.csv:2:5: dst \"dst\": not an IP address; a pod is written NS/POD", "g.csv:2:9: port \"port\": a port is a number from 1 to 65535", "g.csv:2:14: protocol \"protocol\": use TCP, UDP or SCTP"],
            reader.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Csv_workload_and_pod_endpoints_keep_what_was_written()
    {
        var flow = new FlowReader().ReadText("shop/cronjob/report,shop/db-0,5432,TCP", "f.csv").Single();

        Assert.Equal(("shop", null, "cronjob/report"), (flow.Source.Namespace, flow.Source.PodName, flow.Source.Workload));
        Assert.Equal(("shop", "db-0", null), (flow.Destination.Namespace, flow.Destination.PodName, flow.Destination.Workload));
        Assert.Equal(("f.csv", 1), (flow.File, flow.Line));
    }

    [Fact]
    public void Each_file_gets_the_format_of_its_first_line()
    {
        // Given: a Hubble export behind a comment, and a CSV file whose name says nothing
        var dir = Directory.CreateTempSubdirectory("netpol-flows-");
        var hubble = Path.Combine(dir.FullName, "a.txt");
        var csv = Path.Combine(dir.FullName, "b.log");
        File.WriteAllText(hubble, "# hubble observe -o json\n\n" + Flow() + "\n");
        File.WriteAllText(csv, "shop/a,shop/b,80,TCP,5\n");
        try
        {
            // When
            var reader = new FlowReader();
            var flows = reader.Read([hubble, csv]).ToList();

            // Then
            Assert.Equal([1L, 5L], flows.Select(f => f.Count));
            Assert.Equal(FlowFormat.Hubble, reader.Formats[hubble]);
            Assert.Equal(FlowFormat.Csv, reader.Formats[csv]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Crlf_a_byte_order_mark_and_a_missing_last_newline_are_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Flow() + "\r\n" + Flow(l4: Tcp(80)))).ToArray();

        var reader = new FlowReader();
        var flows = reader.Read(new MemoryStream(bytes), "f.jsonl").ToList();

        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        Assert.Equal([5432, 80], flows.Select(f => f.Port));
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        // Given: 200 kB of labels on one line, between two ordinary lines
        var labels = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"k8s:label-{i}=value-{i}\""));
        var big = $$"""{"namespace":"shop","pod_name":"big","labels":[{{labels}}]}""";
        var text = Flow() + "\n" + Flow(source: big) + "\n" + Flow();

        // When
        var reader = new FlowReader();
        var flows = reader.ReadText(text, "f.jsonl").ToList();

        // Then
        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        Assert.Equal(3, flows.Count);
        Assert.Equal(10_000, flows[1].Source.Labels.Count);
    }

    [Fact]
    public void Identical_endpoints_are_one_shared_instance()
    {
        var flows = new FlowReader().ReadText(Flow() + "\n" + Flow(l4: Tcp(80)), "f.jsonl").ToList();

        Assert.Same(flows[0].Source, flows[1].Source);
        Assert.Same(flows[0].Destination, flows[1].Destination);
    }

    [Fact]
    public void Only_the_first_errors_are_kept_but_all_are_counted()
    {
        var text = string.Concat(Enumerable.Repeat("not json\n", FlowReader.MaxReportedErrors + 5));

        var reader = new FlowReader();
        _ = reader.ReadText(text, "f.jsonl").Count();

        Assert.Equal(FlowReader.MaxReportedErrors + 5, reader.ErrorCount);
        Assert.Equal(FlowReader.MaxReportedErrors, reader.Diagnostics.Count);
    }

    [Fact]
    public void A_missing_file_or_a_directory_is_an_environment_error()
    {
        var missing = Assert.Throws<NetpolException>(() => new FlowReader().Read(["/no/such/flows.jsonl"]).ToList());
        var directory = Assert.Throws<NetpolException>(() => new FlowReader().Read([Path.GetTempPath()]).ToList());

        Assert.Contains("--flows /no/such/flows.jsonl: cannot read it", missing.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", directory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_are_equal_by_content_and_a_copy_hashes_its_own_fields()
    {
        var a = new FlowEndpoint { Namespace = "shop", PodName = "web-1", Labels = new Dictionary<string, string> { ["app"] = "web" } };
        var b = new FlowEndpoint { Namespace = "shop", PodName = "web-1", Labels = new Dictionary<string, string> { ["app"] = "web" } };
        _ = a.GetHashCode();

        var moved = a with { IP = IPAddress.Parse("10.0.0.1") };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, moved);
        var fresh = new FlowEndpoint { Namespace = "shop", PodName = "web-1", Labels = a.Labels, IP = IPAddress.Parse("10.0.0.1") };
        Assert.Equal(fresh, moved);
        Assert.Equal(fresh.GetHashCode(), moved.GetHashCode());
        Assert.NotEqual(a, b with { Labels = new Dictionary<string, string> { ["app"] = "api" } });
    }

    private static void AssertErrors(ErrorCase row, string file)
    {
        // Given
        var reader = new FlowReader();

        // When
        _ = reader.ReadText(row.Text, file).Count();

        // Then
        var lines = reader.Diagnostics.Select(d => d.ToString()).ToList();
        var all = string.Join("\n", lines);
        Assert.True(row.Errors.Length == lines.Count, all);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.True(lines[i].StartsWith(row.Errors[i], StringComparison.Ordinal), $"expected {row.Errors[i]}..., got:\n{all}");
        }

        Assert.Equal(row.Codes, reader.Diagnostics.Select(d => d.Code));
        Assert.Equal(row.Errors.Length, reader.ErrorCount);
    }

    private static string Describe(Flow flow) => $"{flow.Source} -> {flow.Destination} on {flow.Port}/{flow.Protocol}";
}
