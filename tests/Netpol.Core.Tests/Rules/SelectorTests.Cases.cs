using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class SelectorTests
{
    private static readonly string[] Pods =
    [
        "namespace default",
        "namespace prod env=prod tier=gold",
        "namespace stage env=stage",
        "namespace scratch",
        "pod default/b app=b ip:10.0.0.2",
        "pod default/web-prod app=web env=prod ip:10.0.0.10",
        "pod default/web-dev app=web env=dev ip:10.0.0.11",
        "pod default/web app=web ip:10.0.0.12",
        "pod default/db app=db env=prod ip:10.0.0.13",
        "pod default/canary app=web env=prod canary=true ip:10.0.0.14",
        "pod prod/api app=api ip:10.1.0.1",
        "pod stage/api app=api ip:10.2.0.1",
        "pod scratch/api app=api ip:10.3.0.1",
    ];

    private static string FromPods(string selector) => Policy("default/b-ingress", $$$"""
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{podSelector: {{{selector}}}}]
        """);

    private static string FromNamespaces(string selector) => Policy("default/b-ingress", $$$"""
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{namespaceSelector: {{{selector}}}}]
        """);

    private static string Isolating(string selector) => Policy("default/deny", $$$"""
        podSelector: {{{selector}}}
        policyTypes: [Ingress]
        """);

    private static readonly string WebInProd = FromPods("{matchLabels: {app: web}, matchExpressions: [{key: env, operator: In, values: [prod]}]}");

    private static readonly string EnvIn = FromPods("{matchExpressions: [{key: env, operator: In, values: [prod, stage]}]}");

    private static readonly string EnvNotIn = FromPods("{matchExpressions: [{key: env, operator: NotIn, values: [dev, test]}]}");

    private static readonly string EnvExists = FromPods("{matchExpressions: [{key: env, operator: Exists}]}");

    private static readonly string EnvDoesNotExist = FromPods("{matchExpressions: [{key: env, operator: DoesNotExist}]}");

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("matchLabels and matchExpressions both holding select the pod",
            World: Pods, Policies: [WebInProd],
            From: "default/web-prod", To: "default/b", Port: "80/TCP", Allowed: true),
        new("matchLabels holding but matchExpressions failing does not select the pod",
            World: Pods, Policies: [WebInProd],
            From: "default/web-dev", To: "default/b", Port: "80/TCP", Allowed: false),
        new("matchExpressions holding but matchLabels failing does not select the pod",
            World: Pods, Policies: [WebInProd],
            From: "default/db", To: "default/b", Port: "80/TCP", Allowed: false),
        new("extra labels do not stop a selector from matching",
            World: Pods, Policies: [WebInProd],
            From: "default/canary", To: "default/b", Port: "80/TCP", Allowed: true),
        new("In matches a listed value",
            World: Pods, Policies: [EnvIn],
            From: "default/db", To: "default/b", Port: "80/TCP", Allowed: true),
        new("In does not match an unlisted value",
            World: Pods, Policies: [EnvIn],
            From: "default/web-dev", To: "default/b", Port: "80/TCP", Allowed: false),
        new("In does not match a pod without the key",
            World: Pods, Policies: [EnvIn],
            From: "default/web", To: "default/b", Port: "80/TCP", Allowed: false),
        new("NotIn matches an unlisted value",
            World: Pods, Policies: [EnvNotIn],
            From: "default/web-prod", To: "default/b", Port: "80/TCP", Allowed: true),
        new("NotIn does not match a listed value",
            World: Pods, Policies: [EnvNotIn],
            From: "default/web-dev", To: "default/b", Port: "80/TCP", Allowed: false),
        new("NotIn matches a pod without the key",
            World: Pods, Policies: [EnvNotIn],
            From: "default/web", To: "default/b", Port: "80/TCP", Allowed: true),
        new("Exists matches any value of the key",
            World: Pods, Policies: [EnvExists],
            From: "default/web-dev", To: "default/b", Port: "80/TCP", Allowed: true),
        new("Exists does not match a pod without the key",
            World: Pods, Policies: [EnvExists],
            From: "default/web", To: "default/b", Port: "80/TCP", Allowed: false),
        new("DoesNotExist matches a pod without the key",
            World: Pods, Policies: [EnvDoesNotExist],
            From: "default/web", To: "default/b", Port: "80/TCP", Allowed: true),
        new("DoesNotExist does not match a pod with the key",
            World: Pods, Policies: [EnvDoesNotExist],
            From: "default/web-prod", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an empty podSelector peer matches every pod of the namespace",
            World: Pods, Policies: [FromPods("{}")],
            From: "default/web", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an empty policy podSelector isolates every pod of the namespace",
            World: Pods, Policies: [Isolating("{}")],
            From: "prod/api", To: "default/web", Port: "80/TCP", Allowed: false),
        new("a NotIn policy podSelector isolates a pod without the key",
            World: Pods, Policies: [Isolating("{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}")],
            From: "prod/api", To: "default/web", Port: "80/TCP", Allowed: false),
        new("a NotIn policy podSelector leaves a pod with a listed value alone",
            World: Pods, Policies: [Isolating("{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}")],
            From: "prod/api", To: "default/web-prod", Port: "80/TCP", Allowed: true),
        new("a DoesNotExist policy podSelector isolates a pod without the key",
            World: Pods, Policies: [Isolating("{matchExpressions: [{key: canary, operator: DoesNotExist}]}")],
            From: "prod/api", To: "default/web-prod", Port: "80/TCP", Allowed: false),
        new("a DoesNotExist policy podSelector leaves a pod with the key alone",
            World: Pods, Policies: [Isolating("{matchExpressions: [{key: canary, operator: DoesNotExist}]}")],
            From: "prod/api", To: "default/canary", Port: "80/TCP", Allowed: true),
        new("a namespaceSelector with matchLabels and matchExpressions needs both",
            World: Pods, Policies: [FromNamespaces("{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: Exists}]}")],
            From: "prod/api", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a namespaceSelector Exists does not match a namespace without the key",
            World: Pods, Policies: [FromNamespaces("{matchLabels: {env: stage}, matchExpressions: [{key: tier, operator: Exists}]}")],
            From: "stage/api", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a namespaceSelector NotIn matches a namespace without the key",
            World: Pods, Policies: [FromNamespaces("{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}")],
            From: "scratch/api", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a namespaceSelector NotIn does not match a namespace with a listed value",
            World: Pods, Policies: [FromNamespaces("{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}")],
            From: "prod/api", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a namespaceSelector DoesNotExist matches a namespace without the key",
            World: Pods, Policies: [FromNamespaces("{matchExpressions: [{key: env, operator: DoesNotExist}]}")],
            From: "scratch/api", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a namespaceSelector DoesNotExist does not match a namespace with the key",
            World: Pods, Policies: [FromNamespaces("{matchExpressions: [{key: env, operator: DoesNotExist}]}")],
            From: "stage/api", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a namespaceSelector In matches any listed value",
            World: Pods, Policies: [FromNamespaces("{matchExpressions: [{key: env, operator: In, values: [prod, stage]}]}")],
            From: "stage/api", To: "default/b", Port: "80/TCP", Allowed: true),
    };
}
