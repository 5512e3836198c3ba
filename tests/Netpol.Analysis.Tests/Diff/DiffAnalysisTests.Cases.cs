using Netpol.Analysis.Matrix;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Diff;

public partial class DiffAnalysisTests
{
    private static readonly string[] Shop =
    [
        Namespace("shop", "{team: shop}"),
        Namespace("other", "{team: client}"),
        Workload("Deployment", "shop/web", "{app: web}"),
        Workload("Deployment", "shop/api", "{app: api}"),
        Workload("Deployment", "shop/db", "{app: db}"),
        Workload("Deployment", "other/client", "{app: client}"),
    ];

    private static readonly string ApiFromWebAndClient = Policy("shop/api", """
        podSelector: {matchLabels: {app: api}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: web}}}]
          ports: [{port: 8080}]
        - from: [{namespaceSelector: {matchLabels: {team: client}}}]
          ports: [{port: 8080}]
        """);

    private static readonly string ApiFromWeb = Policy("shop/api", """
        podSelector: {matchLabels: {app: api}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: web}}}]
          ports: [{port: 8080}]
        """);

    private static readonly string DenyShop = Policy("shop/default-deny", "podSelector: {}\npolicyTypes: [Ingress, Egress]");

    /// <summary>Two replicas of shop/deploy/web as real pods (owner: a ReplicaSet of the Deployment), labelled per pod.</summary>
    private static string[] Replicas(string first, string second) =>
    [
        Namespace("shop"),
        Pod("shop/web-1", $"{{app: web, pod-template-hash: abc, {first}}}", metadata: Owner),
        Pod("shop/web-2", $"{{app: web, pod-template-hash: abc, {second}}}", metadata: Owner),
        Workload("Deployment", "shop/api", "{app: api}"),
    ];

    private const string Owner = "  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, controller: true}]\n";

    public static TheoryData<DiffCase> Cases => new()
    {
        new("a rule removed loses the connection it allowed",
            Base: [.. Shop, ApiFromWebAndClient],
            Head: [.. Shop, ApiFromWeb],
            Lost: ["other/deploy/client -> shop/deploy/api 8080/TCP"],
            Gained: [],
            Policies: ["modified shop/api: spec.ingress"]),
        new("a port added to a rule gains that port",
            Base: [.. Shop, ApiFromWeb],
            Head: [.. Shop, ApiFromWeb.Replace("[{port: 8080}]", "[{port: 8080}, {port: 9090}]", StringComparison.Ordinal)],
            Lost: [],
            Gained: ["shop/deploy/web -> shop/deploy/api 9090/TCP"],
            Policies: ["modified shop/api: spec.ingress"]),
        new("a default deny added loses every connection into and out of its namespace",
            Base: Shop,
            Head: [.. Shop, DenyShop],
            Lost:
            [
                "other/deploy/client -> shop/deploy/api all", "other/deploy/client -> shop/deploy/db all", "other/deploy/client -> shop/deploy/web all",
                "shop/deploy/api -> other/deploy/client all", "shop/deploy/api -> shop/deploy/db all", "shop/deploy/api -> shop/deploy/web all",
                "shop/deploy/db -> other/deploy/client all", "shop/deploy/db -> shop/deploy/api all", "shop/deploy/db -> shop/deploy/web all",
                "shop/deploy/web -> other/deploy/client all", "shop/deploy/web -> shop/deploy/api all", "shop/deploy/web -> shop/deploy/db all",
            ],
            Gained: [],
            Policies: ["added shop/default-deny"]),
        new("a default deny that keeps one port loses all but that port",
            Base: Shop,
            Head: [.. Shop, Policy("shop/only-http", "podSelector: {matchLabels: {app: api}}\ningress: [{ports: [{port: 8080}]}]")],
            Lost:
            [
                "other/deploy/client -> shop/deploy/api 1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP",
                "shop/deploy/db -> shop/deploy/api 1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP",
                "shop/deploy/web -> shop/deploy/api 1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP",
            ],
            Gained: [],
            Policies: ["added shop/only-http"]),
        new("a policy renamed but identical changes no connection, yet is added and removed",
            Base: [.. Shop, ApiFromWeb],
            Head: [.. Shop, ApiFromWeb.Replace("name: api", "name: api-from-web", StringComparison.Ordinal)],
            Lost: [],
            Gained: [],
            Policies: ["added shop/api-from-web", "removed shop/api"]),
        new("endpoints on one side only are listed, not compared",
            Base: [.. Shop, Workload("Deployment", "shop/legacy", "{app: legacy}")],
            Head: [.. Shop, Workload("Deployment", "shop/batch", "{app: batch}"), DenyShop],
            Lost:
            [
                "other/deploy/client -> shop/deploy/api all", "other/deploy/client -> shop/deploy/db all", "other/deploy/client -> shop/deploy/web all",
                "shop/deploy/api -> other/deploy/client all", "shop/deploy/api -> shop/deploy/db all", "shop/deploy/api -> shop/deploy/web all",
                "shop/deploy/db -> other/deploy/client all", "shop/deploy/db -> shop/deploy/api all", "shop/deploy/db -> shop/deploy/web all",
                "shop/deploy/web -> other/deploy/client all", "shop/deploy/web -> shop/deploy/api all", "shop/deploy/web -> shop/deploy/db all",
            ],
            Gained: [],
            Policies: ["added shop/default-deny"],
            Endpoints: ["added shop/deploy/batch", "removed shop/deploy/legacy"]),
        new("a namespace filter keeps only connections inside the chosen namespaces, and their policies",
            Base: Shop,
            Head: [.. Shop, DenyShop, Policy("other/deny", "podSelector: {}")],
            Lost:
            [
                "shop/deploy/api -> shop/deploy/db all", "shop/deploy/api -> shop/deploy/web all",
                "shop/deploy/db -> shop/deploy/api all", "shop/deploy/db -> shop/deploy/web all",
                "shop/deploy/web -> shop/deploy/api all", "shop/deploy/web -> shop/deploy/db all",
            ],
            Gained: [],
            Policies: ["added shop/default-deny"],
            Namespaces: ["shop"]),
        new("a namespace relabelled out of a namespaceSelector loses the cross-namespace connection",
            Base: [.. Shop, ApiFromWebAndClient],
            Head: [.. Shop.Select(d => d.Replace("{team: client}", "{team: partner}", StringComparison.Ordinal)), ApiFromWebAndClient],
            Lost: ["other/deploy/client -> shop/deploy/api 8080/TCP"],
            Gained: [],
            Policies: []),
        new("reordered rules, matchExpressions for matchLabels and endPort equal to port are the same policy",
            Base: [.. Shop, ApiFromWebAndClient],
            Head:
            [
                .. Shop,
                Policy("shop/api", """
                    podSelector: {matchExpressions: [{key: app, operator: In, values: [api]}]}
                    policyTypes: [Ingress]
                    ingress:
                    - from: [{namespaceSelector: {matchLabels: {team: client}}, podSelector: {}}]
                      ports: [{port: 8080, endPort: 8080, protocol: TCP}]
                    - from: [{podSelector: {matchLabels: {app: web}}}, {podSelector: {matchLabels: {app: web}}}]
                      ports: [{port: 8080}]
                    """),
            ],
            Lost: [],
            Gained: [],
            Policies: []),
        new("a podSelector moved to another workload loses and gains, and names the field",
            Base: [.. Shop, ApiFromWeb],
            Head: [.. Shop, ApiFromWeb.Replace("matchLabels: {app: api}", "matchLabels: {app: db}", StringComparison.Ordinal)],
            Lost:
            [
                "other/deploy/client -> shop/deploy/db all",
                "shop/deploy/api -> shop/deploy/db all",
                "shop/deploy/web -> shop/deploy/db 1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP",
            ],
            Gained:
            [
                "other/deploy/client -> shop/deploy/api all",
                "shop/deploy/db -> shop/deploy/api all",
                "shop/deploy/web -> shop/deploy/api 1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP",
            ],
            Policies: ["modified shop/api: spec.podSelector"]),
        new("Egress added to policyTypes loses the pod's egress and names only that field",
            Base: [.. Shop, Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]\ningress: [{}]")],
            Head: [.. Shop, Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress, Egress]\ningress: [{}]")],
            Lost: ["shop/deploy/web -> other/deploy/client all", "shop/deploy/web -> shop/deploy/api all", "shop/deploy/web -> shop/deploy/db all"],
            Gained: [],
            Policies: ["modified shop/web: spec.policyTypes"]),
        new("policyTypes written out as their default is the same policy",
            Base: [.. Shop, Policy("shop/web", "podSelector: {matchLabels: {app: web}}\negress: [{}]")],
            Head: [.. Shop, Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress, Ingress]\negress: [{}]")],
            Lost: [],
            Gained: [],
            Policies: []),
        new("by pod, each pod is an endpoint of its own",
            Base: Replicas("zone: a", "zone: b"),
            Head: [.. Replicas("zone: a", "zone: b"), Policy("shop/api", "podSelector: {matchLabels: {app: api}}\ningress: [{from: [{podSelector: {matchLabels: {zone: a}}}]}]")],
            Lost: ["shop/web-2 -> shop/deploy/api all"],
            Gained: [],
            Policies: ["added shop/api"],
            By: Grouping.Pod),
        new("by workload, a connection keeps only the ports every pod pair has",
            Base: Replicas("zone: a", "zone: b"),
            Head: [.. Replicas("zone: a", "zone: b"), Policy("shop/api", "podSelector: {matchLabels: {app: api}}\ningress: [{from: [{podSelector: {matchLabels: {zone: a}}}]}]")],
            Lost: ["shop/deploy/web -> shop/deploy/api all"],
            Gained: [],
            Policies: ["added shop/api"]),
        new("replicas of one workload that can no longer reach each other lose the workload's own connection",
            Base: Replicas("zone: a", "zone: a"),
            Head: [.. Replicas("zone: a", "zone: a"), Policy("shop/web", "podSelector: {matchLabels: {app: web}}\ningress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]")],
            Lost: ["shop/deploy/web -> shop/deploy/web all"],
            Gained: [],
            Policies: ["added shop/web"]),
        new("a label change moves a pod between policies",
            Base: [.. Replicas("zone: a", "zone: a"), Policy("shop/api", "podSelector: {matchLabels: {app: api}}\ningress: [{from: [{podSelector: {matchLabels: {zone: a}}}]}]")],
            Head: [.. Replicas("zone: a", "zone: b"), Policy("shop/api", "podSelector: {matchLabels: {app: api}}\ningress: [{from: [{podSelector: {matchLabels: {zone: a}}}]}]")],
            Lost: ["shop/deploy/web -> shop/deploy/api all"],
            Gained: [],
            Policies: []),
    };
}
