using Netpol.Analysis.Audit;
using Netpol.Core.Model;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Tests.Audit;

/// <summary>Replaying flows: what would be denied (grouped, counted, explained), per-rule counts, unused rules, silent workloads, the window.</summary>
public sealed class AuditAnalysisTests
{
    // web may receive from anyone on 8080 and send to db on 5432; db accepts web only; report (a CronJob) and the
    // agent have no policy.
    private static readonly string Policies = AuditWorld.Workloads + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
          - ports: [{port: 8080}]
          egress:
          - to: [{podSelector: {matchLabels: {app: db}}}]
            ports: [{port: 5432}]
          - to: [{namespaceSelector: {}}]
            ports: [{port: 53, protocol: UDP}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 5432}]
          - from: [{podSelector: {matchLabels: {app: report}}}]
            ports: [{port: 5432}]
        """;

    [Fact]
    public void Denied_flows_are_grouped_by_workloads_and_port_with_their_counts()
    {
        // Given: two web pods reach db on 5433 (the policies allow 5432 only), the tool pod on 5432; without IPs
        // in the log, both web pods are the workload's one pod
        var result = Audit("""
            shop/web-5d8f7c9b4-aaaaa,shop/db-0,5433,TCP,3
            shop/web-5d8f7c9b4-bbbbb,shop/db-1,5433,TCP,2
            shop/tool,shop/db-0,5432,TCP,1
            shop/web-5d8f7c9b4-aaaaa,shop/db-0,5432,TCP,10
            """);

        // Then
        Assert.Equal(
            ["shop/deploy/web -> shop/sts/db 5433/TCP x5 (1 pairs)", "shop/tool -> shop/sts/db 5432/TCP x1 (1 pairs)"],
            result.Denied.Select(d => $"{d.From} -> {d.To} {d.Port}/{d.Protocol} x{d.Count} ({d.Pairs} pairs)"));
        var web = result.Denied[0].Explanation;
        Assert.False(web.Allowed);
        Assert.Equal((5433, Protocol.TCP), (web.Port, web.Protocol));
        Assert.Contains(web.Suggestions, s => s.Contains("add port 5433/TCP to shop/web egress[0].ports", StringComparison.Ordinal));
        Assert.Equal((16, 10, 6), (result.Summary.Flows, result.Summary.Allowed, result.Summary.Denied));
        Assert.True(result.AnyDenied);
    }

    [Fact]
    public void Each_rule_counts_the_flows_it_admitted_on_its_side()
    {
        // Given: 10 web->db flows pass web's egress[0] and db's ingress[0]; 4 DNS flows pass web's egress[1]; 7 from the
        // internet pass web's ingress[0]; 2 tool->db flows pass no rule (denied at db's ingress)
        var result = Audit("""
            shop/deploy/web,shop/sts/db,5432,TCP,10
            shop/deploy/web,kube-system/ds/agent,53,UDP,4
            203.0.113.9,shop/deploy/web,8080,TCP,7
            shop/tool,shop/sts/db,5432,TCP,2
            """);

        // Then
        Assert.Equal(
            ["policy shop/db ingress[0]=10", "policy shop/db ingress[1]=0", "policy shop/web ingress[0]=7", "policy shop/web egress[0]=10", "policy shop/web egress[1]=4"],
            result.Rules.Select(r => $"{r.Reference}={r.Flows}"));
        Assert.Equal(["policy shop/db ingress[1]"], result.UnusedRules.Select(r => r.Reference));
    }

    [Fact]
    public void A_rule_counts_its_side_even_when_the_other_side_denies()
    {
        // Given: web -> db on 53/UDP passes web's egress[1] (any pod, 53/UDP) but not db's ingress (5432 only)
        var result = Audit("shop/deploy/web,shop/sts/db,53,UDP,3");

        // Then: the flow is denied, and web's egress[1] still carried it (removing it would deny it at egress too)
        Assert.Equal(3, result.Summary.Denied);
        Assert.Equal(3, result.Rules.Single(r => r.Reference == "policy shop/web egress[1]").Flows);
        Assert.Equal(0, result.Rules.Single(r => r.Reference == "policy shop/db ingress[0]").Flows);
    }

    [Fact]
    public void Workloads_without_flows_are_silent_and_a_cronjob_is_flagged()
    {
        var result = Audit("shop/deploy/web,shop/sts/db,5432,TCP,1\nshop/tool,8.8.8.8,53,UDP,1");

        Assert.Equal(
            ["kube-system/ds/agent", "shop/cronjob/report", "shop/deploy/api", "shop/deploy/twin-a", "shop/deploy/twin-b"],
            result.SilentWorkloads.Select(w => w.Name));
        Assert.Equal(["shop/cronjob/report"], result.SilentWorkloads.Where(w => w.RunsOccasionally).Select(w => w.Name));
        Assert.Equal("Deployment", result.SilentWorkloads.Single(w => w.Name == "shop/deploy/api").Kind);
    }

    [Fact]
    public void Unknown_endpoints_are_listed_with_their_flows_and_not_evaluated()
    {
        // Given: a debug pod sends to db (would be denied if evaluated) and receives from web
        var result = Audit("""
            shop/debug-shell,shop/sts/db,5432,TCP,4
            shop/deploy/web,shop/debug-shell,8080,TCP,1
            staging/web-1,shop/sts/db,5432,TCP,2
            """);

        // Then
        Assert.Equal(
            ["shop/debug-shell x5: no pod of namespace shop matches its pod name", "staging/web-1 x2: namespace staging is not in the manifests"],
            result.Unknown.Select(u => $"{u.Endpoint} x{u.Flows}: {u.Reason}"));
        Assert.Empty(result.Denied);
        Assert.Equal((7, 0, 0, 7, 2), (result.Summary.Flows, result.Summary.Allowed, result.Summary.Denied, result.Summary.UnknownFlows, result.Summary.UnknownEndpoints));
        Assert.False(result.AnyDenied);
    }

    [Fact]
    public void Two_replicas_of_one_workload_are_two_pods_but_a_pod_to_itself_is_always_allowed()
    {
        // Given: db's ingress admits web and report only, so db-0 -> db-1 is denied, but db-0 -> db-0 is a pod to itself
        var result = Audit("""
            shop/db-0,shop/db-1,5432,TCP,3
            shop/db-0,shop/db-0,5432,TCP,2
            shop/sts/db,shop/sts/db,5432,TCP,1
            """);

        // Then
        var denied = Assert.Single(result.Denied);
        Assert.Equal(("shop/sts/db", "shop/sts/db", 4L), (denied.From, denied.To, denied.Count));
        Assert.False(denied.Explanation.SamePod);
        Assert.Equal(2, result.Summary.Allowed);
    }

    [Fact]
    public void External_addresses_that_policies_treat_alike_make_one_group()
    {
        // Given: db accepts no address; three clients and one more with fewer flows
        var result = Audit("""
            203.0.113.10,shop/sts/db,5432,TCP,1
            203.0.113.2,shop/sts/db,5432,TCP,1
            198.51.100.7,shop/sts/db,5432,TCP,5
            203.0.113.2,shop/sts/db,5432,TCP,1
            192.0.2.1,shop/sts/db,5432,TCP,1
            """);

        // Then
        var denied = Assert.Single(result.Denied);
        Assert.Equal("4 external addresses (192.0.2.1, 198.51.100.7, 203.0.113.2, ...)", denied.From);
        Assert.Equal((9L, 4), (denied.Count, denied.Pairs));
        Assert.Equal("198.51.100.7", denied.Explanation.From.Name);
    }

    [Fact]
    public void External_addresses_that_policies_tell_apart_make_separate_groups()
    {
        // Given: tool may send to 198.51.100.0/24 on 443 only
        var yaml = Policies + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: tool, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: tool}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 198.51.100.0/24}}]
                ports: [{port: 443}]
            """;

        // When
        var result = Audit("""
            shop/tool,198.51.100.20,8443,TCP,1
            shop/tool,198.51.100.21,8443,TCP,1
            shop/tool,203.0.113.5,8443,TCP,1
            shop/tool,198.51.100.22,443,TCP,1
            """, cluster: yaml);

        // Then: inside and outside the ipBlock are told apart, so they are two groups
        Assert.Equal(
            ["shop/tool -> 2 external addresses (198.51.100.20, 198.51.100.21)", "shop/tool -> 203.0.113.5"],
            result.Denied.Select(d => $"{d.From} -> {d.To}"));
        Assert.Equal(1, result.Summary.Allowed);
    }

    [Fact]
    public void Flows_between_two_external_addresses_are_allowed()
    {
        // Given: the node talking to an internet address (both outside the pods, alike to every policy)
        var result = Audit("172.16.0.1,203.0.113.9,443,TCP,2\n203.0.113.9,203.0.113.9,80,TCP,1");

        // Then: no NetworkPolicy applies to either end
        Assert.Equal((3, 0), (result.Summary.Allowed, result.Summary.Denied));
    }

    [Fact]
    public void The_window_spans_the_first_and_last_flow_times()
    {
        // Given: three Hubble flows out of order, and a reply at a later time (skipped, so outside the window)
        static string Line(string time, bool reply = false) =>
            "{\"flow\":{\"time\":\"" + time + "\"" + (reply ? ",\"is_reply\":true" : string.Empty) +
            ""","IP":{"source":"10.9.0.1","destination":"10.9.0.2"},"l4":{"TCP":{"destination_port":5432}},"source":{"namespace":"shop","pod_name":"web-5d8f7c9b4-aaaaa"},"destination":{"namespace":"shop","pod_name":"db-0"}}}""";
        var text = string.Join("\n", Line("2025-03-14T09:05:00Z"), Line("2025-03-14T09:00:00.5+01:00"), Line("2025-03-14T09:02:00Z"), Line("2025-03-14T10:00:00Z", reply: true));

        // When
        var result = Audit(text, "f.jsonl");

        // Then
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 0, 0, 500, TimeSpan.Zero), result.Summary.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 5, 0, TimeSpan.Zero), result.Summary.To);
        Assert.Equal((4, 3, 1), (result.Summary.Flows, result.Summary.Allowed, result.Summary.Skipped.Replies));
        Assert.Null(Audit("shop/deploy/web,shop/sts/db,5432,TCP").Summary.From);
    }

    [Fact]
    public void Every_flow_is_skipped_unknown_allowed_or_denied()
    {
        var result = Audit("""
            shop/deploy/web,shop/sts/db,5432,TCP,10
            shop/tool,shop/sts/db,5432,TCP,3
            shop/nobody,shop/sts/db,5432,TCP,2
            """);
        var s = result.Summary;

        Assert.Equal(s.Flows, s.Skipped.Flows + s.UnknownFlows + s.Allowed + s.Denied);
        Assert.Equal((15, 10, 3, 2), (s.Flows, s.Allowed, s.Denied, s.UnknownFlows));
    }

    [Fact]
    public void The_verdicts_agree_with_the_explanations()
    {
        // Every pair the fast engine decided is explained by the reference semantics: they must agree. web's DNS rule
        // admits pods of any namespace, not addresses, so web -> 8.8.8.8 is denied both ways.
        var result = Audit("""
            shop/deploy/web,shop/sts/db,5432,TCP
            shop/tool,shop/sts/db,5432,TCP
            shop/deploy/web,8.8.8.8,53,UDP
            shop/deploy/web,8.8.8.8,53,TCP
            shop/cronjob/report,shop/sts/db,5432,TCP
            """);

        Assert.All(result.Denied, d => Assert.False(d.Explanation.Allowed));
        Assert.Equal((2, 3), (result.Summary.Allowed, result.Summary.Denied));
    }

    private static AuditResult Audit(string flows, string file = "f.csv", string? cluster = null)
    {
        var world = TestClusters.FromYaml(cluster ?? Policies);
        var reader = new FlowReader();
        var observed = ObservedFlows.Collect(reader.ReadText(flows, file));
        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        return AuditAnalysis.Run(world, observed, reader.Skipped);
    }
}
