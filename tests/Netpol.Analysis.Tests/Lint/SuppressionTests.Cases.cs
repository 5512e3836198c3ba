using Netpol.Analysis.Lint;
using static Netpol.Analysis.Tests.Lint.LintConfigTests;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Lint;

public partial class SuppressionTests
{
    private const string Broad = "broad-cidr NetworkPolicy shop/egress-all";
    private const string Undescribed = "missing-description NetworkPolicy shop/egress-all";
    private const string Unlabelled = "pod-without-labels Pod shop/debug";
    private const string ShopOpen = "no-default-deny-ingress Namespace shop";
    private const string DnsMissing = "dns-egress-missing Pod shop/web";

    private static string Ignore(string value) => $"{{netpol.io/ignore: '{value}'}}";

    public static TheoryData<SuppressionCase> Cases => new()
    {
        new("no annotation silences nothing",
            World(), Present: [Broad, Undescribed, Unlabelled, ShopOpen], Absent: [], Suppressed: 0),
        new("a policy ignoring one rule",
            World(policyAnnotations: Ignore("broad-cidr")), Present: [Undescribed, Unlabelled], Absent: [Broad], Suppressed: 1),
        new("a policy ignoring two rules, comma and space separated",
            World(policyAnnotations: Ignore("missing-description, broad-cidr")), Present: [Unlabelled, ShopOpen], Absent: [Broad, Undescribed], Suppressed: 2),
        new("a policy ignoring two rules, comma separated without spaces",
            World(policyAnnotations: Ignore("broad-cidr,missing-description")), Present: [Unlabelled], Absent: [Broad, Undescribed], Suppressed: 2),
        new("a policy ignoring all",
            World(policyAnnotations: Ignore("all")), Present: [Unlabelled, ShopOpen, DnsMissing], Absent: [Broad, Undescribed], Suppressed: 3),
        new("a policy ignoring *",
            World(policyAnnotations: Ignore("*")), Present: [Unlabelled], Absent: [Broad, Undescribed], Suppressed: 3),
        new("a policy ignoring another rule",
            World(policyAnnotations: Ignore("dns-tcp-missing")), Present: [Broad, Undescribed], Absent: [], Suppressed: 0),
        new("a policy ignoring part of a rule id",
            World(policyAnnotations: Ignore("broad")), Present: [Broad], Absent: [], Suppressed: 0),
        new("a pod ignoring pod-without-labels",
            World(debugAnnotations: Ignore("pod-without-labels")), Present: [Broad, ShopOpen], Absent: [Unlabelled], Suppressed: 1),
        new("a workload's pod template ignoring pod-without-labels",
            Join(World(), Workload("Deployment", "shop/worker", annotations: Ignore("pod-without-labels"))),
            Present: [Unlabelled], Absent: ["pod-without-labels Deployment shop/worker"], Suppressed: 1),
        new("a namespace ignoring one rule for its objects",
            World(shopAnnotations: Ignore("broad-cidr")), Present: [Undescribed, Unlabelled, ShopOpen], Absent: [Broad], Suppressed: 1),
        new("a namespace ignoring a rule about the namespace itself",
            World(shopAnnotations: Ignore("no-default-deny-ingress")), Present: [Broad, Unlabelled], Absent: [ShopOpen], Suppressed: 1),
        new("a namespace ignoring all",
            World(shopAnnotations: Ignore("all")), Present: [], Absent: [Broad, Undescribed, Unlabelled, ShopOpen, DnsMissing], Suppressed: 7),
        new("another namespace's annotation does not reach shop",
            World(systemAnnotations: Ignore("all")), Present: [Broad, Undescribed, Unlabelled, ShopOpen, DnsMissing], Absent: [], Suppressed: 0),
        new("a disabled rule's findings are not counted as suppressed",
            World(policyAnnotations: Ignore("broad-cidr")), Present: [Undescribed], Absent: [Broad], Suppressed: 0,
            new LintOptions { Config = LintConfig.Default with { Disable = new HashSet<string> { "broad-cidr" } } }),
    };
}
