using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Lint;

public partial class LintConfigTests
{
    // shop has findings of several kinds: broad-cidr and missing-description on NetworkPolicy shop/egress-all,
    // pod-without-labels on Pod shop/debug, no-default-deny-* on Namespace shop. kube-system has pods and no policy.
    internal static string World(string policyAnnotations = "{}", string shopAnnotations = "{}", string debugAnnotations = "{}", string systemAnnotations = "{}") => Join(
        Namespace("kube-system", annotations: systemAnnotations),
        Workload("Deployment", "kube-system/coredns", "{k8s-app: kube-dns}", "[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]", ["registry.k8s.io/coredns/coredns:v1.11.3"]),
        Workload("DaemonSet", "kube-system/calico-node", "{k8s-app: calico-node}", images: ["docker.io/calico/node:v3.28.1"], hostNetwork: true),
        Namespace("shop", "{team: shop}", shopAnnotations),
        Pod("shop/web", "{app: web}", "[{name: http, containerPort: 8080}]", ip: "10.244.1.10"),
        Pod("shop/debug", annotations: debugAnnotations),
        Policy("shop/egress-all", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n  ports: [{port: 443}]", policyAnnotations));

    private const string Broad = "Warning broad-cidr NetworkPolicy shop/egress-all";
    private const string Undescribed = "Info missing-description NetworkPolicy shop/egress-all";
    private const string Unlabelled = "Warning pod-without-labels Pod shop/debug";
    private const string ShopOpen = "Warning no-default-deny-ingress Namespace shop";
    private const string SystemOpen = "Warning no-default-deny-ingress Namespace kube-system";

    private static HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.Ordinal);

    public static TheoryData<ConfigCase> Cases => new()
    {
        new("the defaults run every rule and leave the system namespaces alone",
            LintConfig.Default,
            Present: [Broad, Undescribed, Unlabelled, ShopOpen], Absent: [SystemOpen]),
        new("a disabled rule does not run",
            LintConfig.Default with { Disable = Ids("broad-cidr") },
            Present: [Undescribed, Unlabelled, ShopOpen], Absent: [Broad], NotRun: ["broad-cidr"]),
        new("several rules disabled",
            LintConfig.Default with { Disable = Ids("broad-cidr", "missing-description") },
            Present: [Unlabelled, ShopOpen], Absent: [Broad, Undescribed], NotRun: ["broad-cidr", "missing-description"]),
        new("all disables every rule",
            LintConfig.Default with { Disable = Ids("all") },
            Present: [], Absent: [Broad, Undescribed, Unlabelled, ShopOpen], NotRun: [.. RuleCatalog.All.Select(r => r.Id)]),
        new("all disabled, one enabled again",
            LintConfig.Default with { Disable = Ids("all"), Enable = Ids("broad-cidr") },
            Present: [Broad], Absent: [Undescribed, Unlabelled, ShopOpen], NotRun: ["missing-description", "no-default-deny-ingress"]),
        new("enabling wins over disabling the same rule",
            LintConfig.Default with { Disable = Ids("broad-cidr"), Enable = Ids("broad-cidr") },
            Present: [Broad], Absent: []),
        new("a disabled id that is no rule changes nothing",
            LintConfig.Default with { Disable = Ids("broad") },
            Present: [Broad, Undescribed], Absent: []),
        new("severities replaced",
            LintConfig.Default with { Severities = new Dictionary<string, Severity> { ["broad-cidr"] = Severity.Error, ["missing-description"] = Severity.Warning } },
            Present: ["Error broad-cidr NetworkPolicy shop/egress-all", "Warning missing-description NetworkPolicy shop/egress-all", Unlabelled],
            Absent: [Broad, Undescribed]),
        new("no namespace excluded: kube-system is judged too",
            LintConfig.Default with { ExcludedNamespaces = Ids() },
            Present: [SystemOpen, ShopOpen], Absent: []),
        new("an app namespace excluded: its coverage findings go, the others stay",
            LintConfig.Default with { ExcludedNamespaces = Ids("kube-system", "shop") },
            Present: [Broad, Undescribed], Absent: [ShopOpen, Unlabelled, SystemOpen, "Info no-default-deny-egress Namespace shop", "Error dns-egress-missing Pod shop/web"]),
    };
}
