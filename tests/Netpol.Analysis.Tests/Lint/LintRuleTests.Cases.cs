using System.Net;
using Netpol.Analysis.Lint;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Lint;

public partial class LintRuleTests
{
    private const string DnsPorts = "[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]";

    // The kube-dns pods, the way the DNS rules of well-built policies select them.
    private const string DnsPeer = "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}";

    private const string Dns = "[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]";

    // kube-system with CoreDNS and calico-node (an enforcing CNI).
    private static readonly string KubeSystem = Join(
        Namespace("kube-system"),
        Workload("Deployment", "kube-system/coredns", "{k8s-app: kube-dns}", DnsPorts, ["registry.k8s.io/coredns/coredns:v1.11.3"]),
        Workload("DaemonSet", "kube-system/calico-node", "{k8s-app: calico-node}", images: ["docker.io/calico/node:v3.28.1"], hostNetwork: true));

    // kube-system with an add-on deployed with the app, while CoreDNS is managed by the cluster and not in the input.
    private static readonly string KubeSystemWithoutDns = Join(
        Namespace("kube-system"),
        Workload("Deployment", "kube-system/metrics-server", "{k8s-app: metrics-server}", "[{name: https, containerPort: 10250}]"));

    // shop: three pods with IPs and one named port each.
    private static readonly string Shop = Join(
        Namespace("shop", "{team: shop}"),
        Pod("shop/web", "{app: web}", "[{name: http, containerPort: 8080}]", ip: "10.244.1.10"),
        Pod("shop/api", "{app: api}", "[{name: api, containerPort: 9000}]", ip: "10.244.1.11"),
        Pod("shop/db", "{app: db}", "[{name: postgres, containerPort: 5432}]", ip: "10.244.1.12"));

    // monitoring, labelled name: monitoring, with Prometheus and Grafana.
    private static readonly string Monitoring = Join(
        Namespace("monitoring", "{name: monitoring}"),
        Pod("monitoring/prometheus", "{app: prometheus}", "[{name: web, containerPort: 9090}]", ip: "10.244.3.5"),
        Pod("monitoring/grafana", "{app: grafana}", "[{name: http, containerPort: 3000}]", ip: "10.244.3.6"));

    private static readonly string MonitoringUnlabelled = Monitoring.ReplaceOnce("labels: {name: monitoring}", "labels: {}");

    private static readonly string DefaultDenyIngress = Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]");

    private static readonly string DefaultDenyEgress = Policy("shop/default-deny-egress", "podSelector: {}\npolicyTypes: [Egress]");

    private static readonly string AllowDns = Policy("shop/allow-dns", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{DnsPeer}]\n  ports: {Dns}");

    /// <summary>kube-system, shop and the extra documents.</summary>
    private static string World(params string[] documents) => Join([KubeSystem, Shop, .. documents]);

    /// <summary>A policy selecting <c>app=<paramref name="app"/></c> in shop for ingress, with these rules.</summary>
    private static string IngressTo(string app, string rules, string name = "") =>
        Policy($"shop/{(name.Length > 0 ? name : app)}", $"podSelector: {{matchLabels: {{app: {app}}}}}\npolicyTypes: [Ingress]\ningress:\n{rules}");

    /// <summary>A policy selecting <c>app=<paramref name="app"/></c> in shop for egress, with these rules.</summary>
    private static string EgressFrom(string app, string rules, string name = "") =>
        Policy($"shop/{(name.Length > 0 ? name : app)}", $"podSelector: {{matchLabels: {{app: {app}}}}}\npolicyTypes: [Egress]\negress:\n{rules}");

    private static IEnumerable<RuleCase> All =>
    [
        .. DnsEgressMissing, .. DnsTcpMissing, .. SelectorMatchesNothing, .. PeerMatchesNothing, .. NamespaceLabelMissing,
        .. BroadCidr, .. IPBlockCoversPods, .. NoDefaultDenyIngress, .. NoDefaultDenyEgress, .. UnprotectedPod,
        .. PodWithoutLabels, .. RulesIgnoredByPolicyTypes, .. NamedPortUnresolved, .. NumericPortHasName,
        .. ServicePortNotTargetPort, .. BroadNamespaceEgress, .. AllowAllRule, .. RedundantRule, .. MissingDescription,
        .. CniWithoutPolicySupport,
    ];

    private static RuleCase[] DnsEgressMissing =>
    [
        new("a pod isolated for egress whose only rule goes to the api",
            "dns-egress-missing",
            World(EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: api}]")),
            new("Pod shop/web", string.Empty, ["isolated for egress by web", "53/UDP", "kube-system/deploy/coredns"],
                Fix: ["kubernetes.io/metadata.name: kube-system", "k8s-app: kube-dns", "protocol: UDP", "protocol: TCP"])),
        new("DNS allowed over TCP only",
            "dns-egress-missing",
            World(EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: [{{protocol: TCP, port: 53}}]")),
            new("Pod shop/web", string.Empty, ["53/UDP"])),
        new("the DNS rule selects kube-system by a label it lacks (name: kube-system)",
            "dns-egress-missing",
            World(EgressFrom("web", $"- to: [{DnsPeer.ReplaceOnce("kubernetes.io/metadata.name", "name")}]\n  ports: {Dns}")),
            new("Pod shop/web", string.Empty, ["53/UDP"])),
        new("a default deny for egress without DNS reports each workload once",
            "dns-egress-missing",
            World(
                DefaultDenyEgress,
                Workload("Deployment", "shop/worker", "{app: worker}"),
                Pod("shop/worker-5d8f-x2x9z", "{app: worker, pod-template-hash: 5d8f}", metadata: "  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: worker-5d8f, uid: 1}]\n")),
            new("Pod shop/db", string.Empty, ["isolated for egress by default-deny-egress"], Count: 4)),
        new("without DNS pods in the input, the assumed DNS service address is named",
            "dns-egress-missing",
            Join(Shop, EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]")),
            new("Pod shop/web", string.Empty, ["10.96.0.10", "assumed"])),
        new("without DNS pods in the input, the address given with --dns-ip is named",
            "dns-egress-missing",
            Join(Shop, EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]")),
            new("Pod shop/web", string.Empty, ["10.0.0.10"], NotMentioned: ["10.96.0.10"]),
            new LintOptions { DnsIPs = [IPAddress.Parse("10.0.0.10")] }),
        new("without CoreDNS in the input, kube-system's other pods and the assumed DNS are named",
            "dns-egress-missing",
            Join(KubeSystemWithoutDns, Shop, EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]")),
            new("Pod shop/web", string.Empty, ["10.96.0.10", "assumed", "kube-system/deploy/metrics-server"])),
        new("DNS allowed to the kube-dns pods over UDP and TCP",
            "dns-egress-missing",
            World(EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: {Dns}"), DefaultDenyEgress, AllowDns),
            Finding: null),
        new("DNS allowed by a rule without ports to the kube-dns pods",
            "dns-egress-missing",
            World(EgressFrom("web", $"- to: [{DnsPeer}]")),
            Finding: null),
        new("a pod that no policy isolates for egress",
            "dns-egress-missing",
            World(DefaultDenyIngress),
            Finding: null),
        new("kube-system pods are not covered by default",
            "dns-egress-missing",
            World(
                Workload("Deployment", "kube-system/metrics-server", "{k8s-app: metrics-server}"),
                Policy("kube-system/default-deny-egress", "podSelector: {}\npolicyTypes: [Egress]")),
            Finding: null),
        new("without DNS pods in the input, an ipBlock to the DNS service address is enough",
            "dns-egress-missing",
            Join(Shop, EgressFrom("web", $"- to: [{{ipBlock: {{cidr: 10.96.0.10/32}}}}]\n  ports: {Dns}")),
            Finding: null),
        new("without DNS pods in the input, a rule to the kube-dns pods by labels is enough",
            "dns-egress-missing",
            Join(Shop, EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: {Dns}")),
            Finding: null),
        new("without CoreDNS in the input but with other kube-system pods, a rule to the kube-dns pods by labels is enough",
            "dns-egress-missing",
            Join(KubeSystemWithoutDns, Shop, EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: {Dns}")),
            Finding: null),
        new("policies without their pods: the policy isolating pods for egress without DNS is named",
            "dns-egress-missing",
            EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 8080}]"),
            new("NetworkPolicy shop/web", "spec.egress", ["isolates pods app=web for egress", "53/UDP", "assumed"], Fix: ["k8s-app: kube-dns"])),
        new("policies without their pods: a default deny beside a policy allowing DNS to every pod",
            "dns-egress-missing",
            Join(DefaultDenyEgress, AllowDns, EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 8080}]")),
            Finding: null),
        new("egress to 0.0.0.0/0 reaches CoreDNS pods whose IPs the input does not give",
            "dns-egress-missing",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0}}]")),
            Finding: null),
        new("egress to 0.0.0.0/0 except the private ranges does not reach CoreDNS pods without IPs",
            "dns-egress-missing",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]")),
            new("Pod shop/web", string.Empty, ["53/UDP"])),
        new("egress to a block holding the pod range given with --pod-cidr reaches CoreDNS pods without IPs",
            "dns-egress-missing",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.0.0.0/8}}]")),
            Finding: null,
            new LintOptions { PodCidrs = [IPNetwork.Parse("10.244.0.0/16")] }),
        new("egress to 10.0.0.0/8 without --pod-cidr does not hold every private range a pod could have",
            "dns-egress-missing",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.0.0.0/8}}]")),
            new("Pod shop/web", string.Empty, ["53/UDP"])),
    ];

    private static RuleCase[] DnsTcpMissing =>
    [
        new("DNS allowed over UDP only",
            "dns-tcp-missing",
            World(Policy("shop/allow-dns", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{DnsPeer}]\n  ports: [{{protocol: UDP, port: 53}}]")),
            new("NetworkPolicy shop/allow-dns", "spec.egress[0].ports", ["UDP only", "TCP port 53"], Fix: ["protocol: TCP"])),
        new("UDP only to the assumed DNS service address",
            "dns-tcp-missing",
            Join(Shop, EgressFrom("web", "- to: [{ipBlock: {cidr: 10.96.0.10/32}}]\n  ports: [{protocol: UDP, port: 53}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].ports", ["UDP only"])),
        new("DNS allowed over UDP and TCP",
            "dns-tcp-missing",
            World(AllowDns),
            Finding: null),
        new("TCP allowed by another policy for the same pods",
            "dns-tcp-missing",
            World(
                Policy("shop/dns-udp", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{DnsPeer}]\n  ports: [{{protocol: UDP, port: 53}}]"),
                Policy("shop/dns-tcp", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{DnsPeer}]\n  ports: [{{protocol: TCP, port: 53}}]")),
            Finding: null),
        new("a DNS rule without ports allows TCP too",
            "dns-tcp-missing",
            World(EgressFrom("web", $"- to: [{DnsPeer}]")),
            Finding: null),
        new("a UDP-only DNS rule in a policy that selects none of its namespace's pods is selector-matches-nothing's",
            "dns-tcp-missing",
            World(Policy("shop/allow-dns", $"podSelector: {{matchLabels: {{app: wbe}}}}\npolicyTypes: [Egress]\negress:\n- to: [{DnsPeer}]\n  ports: [{{protocol: UDP, port: 53}}]")),
            Finding: null),
    ];

    private static RuleCase[] SelectorMatchesNothing =>
    [
        new("a typo in a label value",
            "selector-matches-nothing",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: wbe}}\npolicyTypes: [Ingress]")),
            new("NetworkPolicy shop/web", "spec.podSelector", ["app=wbe", "none of the 3 pods in shop", "closest labels: app=web"],
                Fix: ["podSelector:\n  matchLabels:\n    app: web"])),
        new("a typo in a label key",
            "selector-matches-nothing",
            World(Policy("shop/web", "podSelector: {matchLabels: {ap: web}}\npolicyTypes: [Ingress]")),
            new("NetworkPolicy shop/web", "spec.podSelector", ["ap=web", "closest labels: app=web"], Fix: ["app: web"])),
        new("the correct label",
            "selector-matches-nothing",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]")),
            Finding: null),
        new("a matchExpressions In that lists an existing value",
            "selector-matches-nothing",
            World(Policy("shop/web", "podSelector: {matchExpressions: [{key: app, operator: In, values: [wbe, web]}]}\npolicyTypes: [Ingress]")),
            Finding: null),
        new("a policy in a namespace whose pods are not in the input",
            "selector-matches-nothing",
            World(Policy("payments/web", "podSelector: {matchLabels: {app: checkout}}\npolicyTypes: [Ingress]")),
            Finding: null),
    ];

    private static RuleCase[] PeerMatchesNothing =>
    [
        new("a namespace named by kubernetes.io/metadata.name that exists but lacks the selector's other label",
            "peer-matches-nothing",
            World(Monitoring, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring, team: platform}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].namespaceSelector", ["team=platform", "matches none of the"])),
        new("a typo in a peer's podSelector",
            "peer-matches-nothing",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: wbe}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].podSelector", ["app=wbe", "none of the 3 pods in namespace shop", "closest labels: app=web"],
                Fix: ["podSelector:\n  matchLabels:\n    app: web"])),
        new("a peer naming pods of another namespace without a namespaceSelector",
            "peer-matches-nothing",
            World(Monitoring, IngressTo("api", "- from: [{podSelector: {matchLabels: {app: prometheus}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].podSelector", ["app=prometheus", "monitoring/prometheus", "another namespace"],
                Fix: ["kubernetes.io/metadata.name: monitoring", "app: prometheus"])),
        new("a peer whose namespace is right but whose pods are not",
            "peer-matches-nothing",
            World(Monitoring, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app: promethues}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].podSelector",
                ["app=promethues", "namespace monitoring", "closest labels: app=prometheus"], Fix: ["app: prometheus"])),
        new("a namespaceSelector that no namespace matches",
            "peer-matches-nothing",
            World(Monitoring, EgressFrom("web", "- to: [{namespaceSelector: {matchLabels: {team: payments}}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].namespaceSelector", ["team=payments", "matches none of the 3 namespaces"], Fix: ["namespaceSelector:"])),
        new("a typo in a namespace name",
            "peer-matches-nothing",
            World(Monitoring, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitorng}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].namespaceSelector", ["kubernetes.io/metadata.name=monitorng"],
                Fix: ["kubernetes.io/metadata.name: monitoring"])),
        new("a typo in the kube-dns label while CoreDNS is in the input",
            "peer-matches-nothing",
            World(EgressFrom("web", $"- to: [{DnsPeer.ReplaceOnce("kube-dns", "kube-dsn")}]\n  ports: {Dns}")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].podSelector", ["k8s-app=kube-dsn", "namespace kube-system", "closest labels: k8s-app=kube-dns"],
                Fix: ["k8s-app: kube-dns"])),
        new("a peer that matches pods",
            "peer-matches-nothing",
            World(Monitoring, IngressTo("api", "- from:\n  - podSelector: {matchLabels: {app: web}}\n  - {namespaceSelector: {matchLabels: {name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}")),
            Finding: null),
        new("a namespaceSelector by a label the namespace lacks is left to namespace-label-missing",
            "peer-matches-nothing",
            World(MonitoringUnlabelled, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {name: monitoring}}}]")),
            Finding: null),
        new("an ipBlock peer",
            "peer-matches-nothing",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 203.0.113.0/24}}]")),
            Finding: null),
        new("a namespace named by kubernetes.io/metadata.name that the input does not contain",
            "peer-matches-nothing",
            World(IngressTo("web", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]")),
            Finding: null),
        new("a DNS rule when the input has no kube-system at all",
            "peer-matches-nothing",
            Join(Shop, EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: {Dns}")),
            Finding: null),
        new("a DNS rule when kube-system in the input has other pods but not CoreDNS",
            "peer-matches-nothing",
            Join(KubeSystemWithoutDns, Shop, EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: {Dns}")),
            Finding: null),
    ];

    private static RuleCase[] NamespaceLabelMissing =>
    [
        new("name: monitoring while the monitoring namespace lacks that label",
            "namespace-label-missing",
            World(MonitoringUnlabelled, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].namespaceSelector", ["name=monitoring", "namespace monitoring exists but lacks the label"],
                Fix: ["kubernetes.io/metadata.name: monitoring", "kubectl label namespace monitoring name=monitoring"])),
        new("name: monitoring while monitoring appears only through its pods",
            "namespace-label-missing",
            World(Pod("monitoring/prometheus", "{app: prometheus}"), IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {name: monitoring}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].from[0].namespaceSelector", ["not declared in the input"], Fix: ["kubernetes.io/metadata.name: monitoring"])),
        new("name: monitoring while the namespace has that label",
            "namespace-label-missing",
            World(Monitoring, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {name: monitoring}}}]")),
            Finding: null),
        new("the automatic label kubernetes.io/metadata.name",
            "namespace-label-missing",
            World(MonitoringUnlabelled, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]")),
            Finding: null),
        new("a label no namespace carries and no namespace is named after",
            "namespace-label-missing",
            World(MonitoringUnlabelled, IngressTo("api", "- from: [{namespaceSelector: {matchLabels: {team: payments}}}]")),
            Finding: null),
    ];

    private static RuleCase[] BroadCidr =>
    [
        new("egress to 0.0.0.0/0",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n  ports: [{port: 443}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock.cidr", ["0.0.0.0/0", "every address", "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 not excepted"],
                Fix: ["cidr: 0.0.0.0/0", "except:\n      - 10.0.0.0/8\n      - 172.16.0.0/12\n      - 192.168.0.0/16"])),
        new("0.0.0.0/0 excepting only 10.0.0.0/8",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock.cidr", ["172.16.0.0/12, 192.168.0.0/16 not excepted"], NotMentioned: ["10.0.0.0/8"],
                Fix: ["- 10.0.0.0/8\n      - 172.16.0.0/12\n      - 192.168.0.0/16"])),
        new("egress to ::/0",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: '::/0'}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock.cidr", ["::/0", "fc00::/7"])),
        new("a /5 that contains 10.0.0.0/8",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 8.0.0.0/5}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock.cidr", ["8.0.0.0/5", "a huge range", "10.0.0.0/8 not excepted"])),
        new("ingress from 0.0.0.0/0",
            "broad-cidr",
            World(IngressTo("web", "- from: [{podSelector: {matchLabels: {app: api}}}, {ipBlock: {cidr: 0.0.0.0/0}}]")),
            new("NetworkPolicy shop/web", "spec.ingress[0].from[1].ipBlock.cidr", ["0.0.0.0/0"])),
        new("0.0.0.0/0 excepting the RFC 1918 ranges",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]\n  ports: [{port: 443}]")),
            Finding: null),
        new("a narrow public range",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 203.0.113.0/24}}]")),
            Finding: null),
        new("a /8, which is not broad",
            "broad-cidr",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 11.0.0.0/8}}]")),
            Finding: null),
    ];

    private static RuleCase[] IPBlockCoversPods =>
    [
        new("a block holding the --pod-cidr range and a pod outside it: the fix excepts both",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.0.0.0/8}}]\n  ports: [{port: 5432}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock", ["10.0.0.0/8"], Fix: ["10.244.0.0/24", "10.244.1.10/32"]),
            new LintOptions { PodCidrs = [IPNetwork.Parse("10.244.0.0/24")] }),
        new("an ipBlock containing the pods' IPs",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.244.1.0/24}}]\n  ports: [{port: 5432}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock", ["10.244.1.0/24", "the IPs of 3 pods", "shop/db"], Fix: ["except", "/32"])),
        new("an ipBlock inside the pod range given with --pod-cidr",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.32.5.0/24}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0].ipBlock", ["10.32.5.0/24", "pod range 10.32.0.0/12"], Fix: ["instead of this ipBlock", "only pod addresses"]),
            new LintOptions { PodCidrs = [IPNetwork.Parse("10.32.0.0/12")] }),
        new("an ipBlock of public addresses",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 203.0.113.0/24}}]")),
            Finding: null),
        new("an ipBlock that excepts the pods' addresses",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}]")),
            Finding: null),
        new("0.0.0.0/0, which is broad-cidr's finding",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 0.0.0.0/0}}]")),
            Finding: null),
        new("an ipBlock outside the pod range given with --pod-cidr",
            "ipblock-covers-pods",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 10.64.0.0/16}}]")),
            Finding: null,
            new LintOptions { PodCidrs = [IPNetwork.Parse("10.32.0.0/12")] }),
    ];

    private static RuleCase[] NoDefaultDenyIngress =>
    [
        new("one of three pods isolated",
            "no-default-deny-ingress",
            World(IngressTo("web", "- from: [{podSelector: {matchLabels: {app: api}}}]")),
            new("Namespace shop", string.Empty, ["no policy isolates all pods of shop for ingress", "2 of its 3 pods are open for ingress (api, db)"],
                Fix: ["name: default-deny-ingress", "namespace: shop", "podSelector: {}", "- Ingress"])),
        new("every pod isolated, but by separate policies",
            "no-default-deny-ingress",
            World(IngressTo("web", "- {}"), IngressTo("api", "- {}"), IngressTo("db", "- {}")),
            new("Namespace shop", string.Empty, ["a new pod would start open"])),
        new("no policy at all",
            "no-default-deny-ingress",
            World(),
            new("Namespace shop", string.Empty, ["all 3 of its pods are open for ingress"])),
        new("a default deny for ingress",
            "no-default-deny-ingress",
            World(DefaultDenyIngress),
            Finding: null),
        new("a namespace without pods",
            "no-default-deny-ingress",
            Join(KubeSystem, Namespace("empty"), Workload("DaemonSet", "agents/node-agent", "{app: node-agent}", hostNetwork: true)),
            Finding: null),
    ];

    private static RuleCase[] NoDefaultDenyEgress =>
    [
        new("a default deny for ingress only",
            "no-default-deny-egress",
            World(DefaultDenyIngress),
            new("Namespace shop", string.Empty, ["for egress", "all 3 of its pods are open for egress"], Fix: ["name: default-deny-egress", "- Egress", "dns-egress-missing"])),
        new("a default deny for both directions",
            "no-default-deny-egress",
            World(Policy("shop/default-deny-all", "podSelector: {}\npolicyTypes: [Ingress, Egress]")),
            Finding: null),
        new("a DNS policy that selects every pod for egress",
            "no-default-deny-egress",
            World(AllowDns),
            Finding: null),
    ];

    private static RuleCase[] UnprotectedPod =>
    [
        new("the nearest policy is the one whose labels the pod nearly has, not the first by name",
            "unprotected-pod",
            Join(
                Namespace("shop"),
                Pod("shop/cache", "{app: cahce}", ip: "10.244.1.20"),
                Pod("shop/web", "{app: web}", ip: "10.244.1.21"),
                IngressTo("web", "- {}", name: "a-web"),
                IngressTo("cache", "- {}", name: "z-cache")),
            new("Pod shop/cache", "metadata.labels", ["nearest: z-cache wants app=cache"])),
        new("a pod that no policy selects while the others are isolated",
            "unprotected-pod",
            World(IngressTo("web", "- {}"), IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]")),
            new("Pod shop/db", "metadata.labels", ["no policy selects it for ingress", "accepts connections from anywhere", "labels: app=db"],
                Fix: ["default-deny-ingress", "shop"])),
        new("a Deployment whose template labels miss the policy meant for it",
            "unprotected-pod",
            World(
                Policy("shop/tiers", "podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api, db]}]}\npolicyTypes: [Ingress]"),
                Workload("Deployment", "shop/worker", "{app: worker}")),
            new("Deployment shop/worker", "spec.template.metadata.labels", ["nearest: tiers wants app in (web,api,db)", "labels: app=worker"])),
        new("a default deny selecting every pod",
            "unprotected-pod",
            World(DefaultDenyIngress, IngressTo("web", "- {}")),
            Finding: null),
        new("a namespace without any ingress isolation is no-default-deny-ingress's finding",
            "unprotected-pod",
            World(DefaultDenyEgress),
            Finding: null),
        new("a namespace excluded by the configuration",
            "unprotected-pod",
            World(IngressTo("web", "- {}")),
            Finding: null,
            new LintOptions { Config = LintConfig.Default with { ExcludedNamespaces = new HashSet<string> { "kube-system", "shop" } } }),
    ];

    private static RuleCase[] PodWithoutLabels =>
    [
        new("a bare pod without labels",
            "pod-without-labels",
            World(Pod("shop/debug", ip: "10.244.1.99")),
            new("Pod shop/debug", "metadata.labels", ["has no labels"], Fix: ["app.kubernetes.io/name: debug"])),
        new("a Deployment whose pod template has no labels",
            "pod-without-labels",
            World(Workload("Deployment", "shop/worker")),
            new("Deployment shop/worker", "spec.template.metadata.labels", ["has no labels"], Fix: ["app.kubernetes.io/name: worker"])),
        new("a CronJob whose pod template has no labels",
            "pod-without-labels",
            World(Workload("CronJob", "shop/report")),
            new("CronJob shop/report", "spec.jobTemplate.spec.template.metadata.labels", ["has no labels"])),
        new("a pod with only the labels its controller adds",
            "pod-without-labels",
            World(Pod("shop/orphan", "{pod-template-hash: 7c9d8}")),
            new("Pod shop/orphan", "metadata.labels", ["has no labels"])),
        new("a labelled pod",
            "pod-without-labels",
            World(Pod("shop/debug", "{app: debug}")),
            Finding: null),
        new("a hostNetwork pod without labels",
            "pod-without-labels",
            World(Workload("DaemonSet", "shop/node-exporter", hostNetwork: true)),
            Finding: null),
        new("a kube-system pod without labels",
            "pod-without-labels",
            World(Pod("kube-system/etcd-node1")),
            Finding: null),
    ];

    private static RuleCase[] RulesIgnoredByPolicyTypes =>
    [
        new("egress rules with policyTypes [Ingress]",
            "rules-ignored-by-policy-types",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]\negress:\n- to: [{podSelector: {matchLabels: {app: api}}}]")),
            new("NetworkPolicy shop/web", "spec.egress", ["policyTypes [Ingress] omits Egress", "its egress rule never applies"],
                Fix: ["policyTypes:\n    - Ingress\n    - Egress"])),
        new("ingress rules with policyTypes [Egress]",
            "rules-ignored-by-policy-types",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]\n- {}")),
            new("NetworkPolicy shop/web", "spec.ingress", ["policyTypes [Egress] omits Ingress", "its 2 ingress rules never apply"],
                Fix: ["policyTypes:\n    - Ingress\n    - Egress"])),
        new("egress rules without policyTypes (Egress is then implied)",
            "rules-ignored-by-policy-types",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\negress:\n- to: [{podSelector: {matchLabels: {app: api}}}]")),
            Finding: null),
        new("egress rules with policyTypes [Ingress, Egress]",
            "rules-ignored-by-policy-types",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress, Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: api}}}]")),
            Finding: null),
        new("an empty egress list with policyTypes [Ingress]",
            "rules-ignored-by-policy-types",
            World(Policy("shop/web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]\negress: []")),
            Finding: null),
    ];

    private static RuleCase[] NamedPortUnresolved =>
    [
        new("a typo in a named port",
            "named-port-unresolved",
            World(IngressTo("web", "- ports: [{port: htp}]")),
            new("NetworkPolicy shop/web", "spec.ingress[0].ports[0].port", ["htp/TCP", "shop/web", "container port named htp"], Fix: ["port: http"])),
        new("an ingress rule naming the client's port, not the server's",
            "named-port-unresolved",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: http}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].ports[0].port", ["the pods it selects", "shop/api"], Fix: ["port: api"])),
        new("a named port with the wrong protocol",
            "named-port-unresolved",
            World(EgressFrom("web", $"- to: [{DnsPeer}]\n  ports: [{{port: dns, protocol: TCP}}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].ports[0].port", ["declare dns as UDP, not TCP"], Fix: ["protocol: UDP"])),
        new("the second port entry of an egress rule",
            "named-port-unresolved",
            World(EgressFrom("api", "- to: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: 5432}, {port: postgress}]")),
            new("NetworkPolicy shop/api", "spec.egress[0].ports[1].port", ["postgress", "the pods it admits", "shop/db"], Fix: ["port: postgres"])),
        new("a named port the selected pod declares",
            "named-port-unresolved",
            World(IngressTo("web", "- ports: [{port: http}]")),
            Finding: null),
        new("an egress named port resolved against the destination, not the source",
            "named-port-unresolved",
            World(EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: api}]")),
            Finding: null),
        new("a policy that selects no pod (selector-matches-nothing's finding)",
            "named-port-unresolved",
            World(IngressTo("wbe", "- ports: [{port: htp}]")),
            Finding: null),
    ];

    private static RuleCase[] NumericPortHasName =>
    [
        new("ingress to a port the pod names",
            "numeric-port-has-name",
            World(IngressTo("web", "- ports: [{port: 8080}]")),
            new("NetworkPolicy shop/web", "spec.ingress[0].ports[0].port", ["8080/TCP", "named http"], Fix: ["port: http"])),
        new("egress to a port the destination names",
            "numeric-port-has-name",
            World(EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 9000}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].ports[0].port", ["9000/TCP", "named api"], Fix: ["port: api"])),
        new("the port by its name",
            "numeric-port-has-name",
            World(IngressTo("web", "- ports: [{port: http}]")),
            Finding: null),
        new("a port the pod does not name",
            "numeric-port-has-name",
            World(Pod("shop/legacy", "{app: legacy}", "[{containerPort: 7000}]"), IngressTo("legacy", "- ports: [{port: 7000}]")),
            Finding: null),
        new("a port range",
            "numeric-port-has-name",
            World(IngressTo("web", "- ports: [{port: 8080, endPort: 8090}]")),
            Finding: null),
        new("DNS port 53 to the CoreDNS pods",
            "numeric-port-has-name",
            World(DefaultDenyEgress, AllowDns),
            Finding: null),
    ];

    private static RuleCase[] ServicePortNotTargetPort =>
    [
        new("egress allowing the Service port 80 while the pods listen on 9000",
            "service-port-not-target-port",
            World(Service("shop/api", "{app: api}", "[{port: 80, targetPort: 9000}]"), EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 80}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].ports[0].port", ["80/TCP", "Service shop/api", "shop/api", "targetPort 9000"], Fix: ["port: 9000"])),
        new("ingress allowing the Service port 80 while the targetPort is named",
            "service-port-not-target-port",
            World(Service("shop/api", "{app: api}", "[{port: 80, targetPort: api}]"), IngressTo("api", "- ports: [{port: 80}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0].ports[0].port", ["Service shop/api", "targetPort api (9000)"], Fix: ["port: api"])),
        new("egress allowing the targetPort",
            "service-port-not-target-port",
            World(Service("shop/api", "{app: api}", "[{port: 80, targetPort: 9000}]"), EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 9000}]")),
            Finding: null),
        new("a rule allowing both the Service port and the targetPort",
            "service-port-not-target-port",
            World(Service("shop/api", "{app: api}", "[{port: 80, targetPort: 9000}]"), EgressFrom("web", "- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 80}, {port: 9000}]")),
            Finding: null),
        new("a pod that listens on the Service port itself",
            "service-port-not-target-port",
            World(
                Pod("shop/proxy", "{app: proxy}", "[{name: http, containerPort: 80}, {name: admin, containerPort: 9000}]"),
                Service("shop/proxy", "{app: proxy}", "[{port: 80, targetPort: 9000}]"),
                IngressTo("proxy", "- ports: [{port: 80}]")),
            Finding: null),
        new("a Service in another namespace",
            "service-port-not-target-port",
            World(Service("other/api", "{app: api}", "[{port: 80, targetPort: 9000}]"), IngressTo("api", "- ports: [{port: 80}]")),
            Finding: null),
    ];

    private static RuleCase[] BroadNamespaceEgress =>
    [
        new("kube-system, absent from the input, named beside a namespace that is present",
            "broad-namespace-egress",
            Join(Shop, Monitoring, EgressFrom("web", "- to: [{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [kube-system, monitoring]}]}}]\n  ports: [{port: 9090}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0]", ["pods of kube-system, monitoring", "monitoring/prometheus"])),
        new("DNS allowed to the whole kube-system namespace",
            "broad-namespace-egress",
            World(Policy("shop/allow-dns", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{{namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: kube-system}}}}}}]\n  ports: {Dns}")),
            new("NetworkPolicy shop/allow-dns", "spec.egress[0].to[0]", ["53/UDP, 53/TCP", "every pod of kube-system"],
                Fix: ["podSelector:\n    matchLabels:\n      k8s-app: kube-dns"])),
        new("DNS allowed to kube-system where other pods run beside CoreDNS",
            "broad-namespace-egress",
            World(
                Workload("Deployment", "kube-system/metrics-server", "{k8s-app: metrics-server}", "[{name: https, containerPort: 10250}]"),
                Policy("shop/allow-dns", $"podSelector: {{}}\npolicyTypes: [Egress]\negress:\n- to: [{{namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: kube-system}}}}}}]\n  ports: {Dns}")),
            new("NetworkPolicy shop/allow-dns", "spec.egress[0].to[0]", ["all 2 pods of kube-system", "only kube-system/deploy/coredns serves it"],
                Fix: ["k8s-app: kube-dns"])),
        new("a port only some pods of the namespace serve",
            "broad-namespace-egress",
            World(Monitoring, EgressFrom("web", "- to: [{namespaceSelector: {matchLabels: {name: monitoring}}}]\n  ports: [{port: 9090}]")),
            new("NetworkPolicy shop/web", "spec.egress[0].to[0]", ["9090/TCP", "all 2 pods of monitoring", "only monitoring/prometheus serves it"],
                Fix: ["podSelector:\n    matchLabels:\n      app: prometheus"])),
        new("DNS allowed to the kube-dns pods only",
            "broad-namespace-egress",
            World(AllowDns),
            Finding: null),
        new("a port every pod of the namespace serves",
            "broad-namespace-egress",
            World(Monitoring, EgressFrom("web", "- to: [{namespaceSelector: {matchLabels: {name: monitoring}}}]\n  ports: [{port: 9090}, {port: 3000}]")),
            Finding: null),
        new("ingress from a whole namespace",
            "broad-namespace-egress",
            World(IngressTo("web", "- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]")),
            Finding: null),
    ];

    private static RuleCase[] AllowAllRule =>
    [
        new("an ingress rule {}",
            "allow-all-rule",
            World(IngressTo("web", "- from: [{podSelector: {matchLabels: {app: api}}}]\n- {}")),
            new("NetworkPolicy shop/web", "spec.ingress[1]", ["admits every ingress peer on every port", "selected by web are open for ingress"])),
        new("an egress rule {}",
            "allow-all-rule",
            World(EgressFrom("web", "- {}")),
            new("NetworkPolicy shop/web", "spec.egress[0]", ["every egress peer"])),
        new("every namespace on every port",
            "allow-all-rule",
            World(IngressTo("web", "- from: [{namespaceSelector: {}}]")),
            new("NetworkPolicy shop/web", "spec.ingress[0]", ["namespaceSelector {}", "every pod of every namespace on every port"])),
        new("every peer on one port",
            "allow-all-rule",
            World(IngressTo("web", "- ports: [{port: http}]")),
            Finding: null),
        new("every namespace on one port",
            "allow-all-rule",
            World(IngressTo("web", "- from: [{namespaceSelector: {}}]\n  ports: [{port: http}]")),
            Finding: null),
        new("one app in every namespace on every port",
            "allow-all-rule",
            World(IngressTo("web", "- from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: prometheus}}}]")),
            Finding: null),
    ];

    private static RuleCase[] RedundantRule =>
    [
        new("two identical rules: only the later one",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]")),
            new("NetworkPolicy shop/api", "spec.ingress[1]", ["allows nothing beyond spec.ingress[0]"], Fix: ["delete the rule"])),
        new("a rule whose peers are a subset of another's",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: web}}}, {podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: api}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0]", ["allows nothing beyond spec.ingress[1]"])),
        new("a rule whose ports are a subset of another's",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: web}}}]")),
            new("NetworkPolicy shop/api", "spec.ingress[0]", ["allows nothing beyond spec.ingress[1]"])),
        new("a rule covered by another policy",
            "redundant-rule",
            World(
                IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]", "api-from-web"),
                IngressTo("api", "- from: [{podSelector: {}}]\n  ports: [{port: api}]", "api-from-shop")),
            new("NetworkPolicy shop/api-from-web", "spec.ingress[0]", ["allows nothing beyond api-from-shop spec.ingress[0]"])),
        new("an ipBlock inside another ipBlock on the same port",
            "redundant-rule",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 203.0.113.0/24}}]\n  ports: [{port: 443}]\n- to: [{ipBlock: {cidr: 203.0.113.128/25}}]\n  ports: [{port: 443}]")),
            new("NetworkPolicy shop/web", "spec.egress[1]", ["allows nothing beyond spec.egress[0]"])),
        new("the same peer on a different port",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: 9090}]")),
            Finding: null),
        new("the same port for a different peer",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: api}]")),
            Finding: null),
        new("ipBlocks that overlap without one containing the other",
            "redundant-rule",
            World(EgressFrom("web", "- to: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.0/26]}}]\n  ports: [{port: 443}]\n- to: [{ipBlock: {cidr: 203.0.113.0/25}}]\n  ports: [{port: 443}]")),
            Finding: null),
        new("a rule whose peers are in a namespace the input does not show",
            "redundant-rule",
            World(IngressTo("web", "- from: [{podSelector: {matchLabels: {app: api}}}]\n- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]")),
            Finding: null),
        new("a rule with a typo in its peer (peer-matches-nothing's finding)",
            "redundant-rule",
            World(IngressTo("api", "- from: [{podSelector: {matchLabels: {app: wbe}}}]\n  ports: [{port: api}]\n- from: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: api}]")),
            Finding: null),
    ];

    private static RuleCase[] MissingDescription =>
    [
        new("a policy without annotations",
            "missing-description",
            World(Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]", annotations: "{}")),
            new("NetworkPolicy shop/default-deny-ingress", "metadata.annotations", ["no description annotation"], Fix: ["description:"])),
        new("a blank description",
            "missing-description",
            World(Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]", annotations: "{description: '  '}")),
            new("NetworkPolicy shop/default-deny-ingress", "metadata.annotations", ["no description annotation"])),
        new("a description annotation",
            "missing-description",
            World(Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]", annotations: "{description: deny by default}")),
            Finding: null),
        new("a netpol.io/description annotation",
            "missing-description",
            World(Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]", annotations: "{netpol.io/description: deny by default}")),
            Finding: null),
        new("a kubernetes.io/description annotation",
            "missing-description",
            World(Policy("shop/default-deny-ingress", "podSelector: {}\npolicyTypes: [Ingress]", annotations: "{kubernetes.io/description: deny by default}")),
            Finding: null),
    ];

    private static RuleCase[] CniWithoutPolicySupport =>
    [
        new("flannel alone, with a policy",
            "cni-without-policy-support",
            Join(
                Namespace("kube-flannel"),
                Workload("DaemonSet", "kube-flannel/kube-flannel-ds", "{app: flannel}", images: ["docker.io/flannel/flannel:v0.25.6"], hostNetwork: true),
                Shop,
                DefaultDenyIngress),
            new("DaemonSet kube-flannel/kube-flannel-ds", string.Empty, ["flannel (docker.io/flannel/flannel:v0.25.6)", "the 1 NetworkPolicy here would not be enforced"],
                Fix: ["Calico", "Cilium"])),
        new("flannel alone, without policies",
            "cni-without-policy-support",
            Join(Workload("DaemonSet", "kube-system/kube-flannel-ds", "{app: flannel}", images: ["docker.io/flannel/flannel:v0.25.6"], hostNetwork: true), Shop),
            new("DaemonSet kube-system/kube-flannel-ds", string.Empty, ["no NetworkPolicy would be enforced"])),
        new("the AWS VPC CNI without its network policy agent",
            "cni-without-policy-support",
            Join(Workload("DaemonSet", "kube-system/aws-node", "{k8s-app: aws-node}", images: ["602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3"], hostNetwork: true), Shop, DefaultDenyIngress),
            new("DaemonSet kube-system/aws-node", string.Empty, ["AWS VPC CNI", "without its network policy agent"], Fix: ["enableNetworkPolicy"])),
        new("calico",
            "cni-without-policy-support",
            World(DefaultDenyIngress),
            Finding: null),
        new("flannel with calico beside it (canal)",
            "cni-without-policy-support",
            Join(Workload("DaemonSet", "kube-system/canal", "{k8s-app: canal}", images: ["docker.io/calico/node:v3.28.1", "docker.io/flannel/flannel:v0.25.6"], hostNetwork: true), Shop, DefaultDenyIngress),
            Finding: null),
        new("the AWS VPC CNI with its network policy agent",
            "cni-without-policy-support",
            Join(
                Workload("DaemonSet", "kube-system/aws-node", "{k8s-app: aws-node}", hostNetwork: true,
                    images: ["602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.1.2"]),
                Shop,
                DefaultDenyIngress),
            Finding: null),
        new("an ipBlock holding a pod's IP",
            "cni-dependent",
            Join(
                Pod("shop/web", "{app: web}", ip: "10.244.1.10"),
                Pod("ops/bastion", "{app: bastion}", ip: "10.244.2.20"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web-from-bastion
                  namespace: shop
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 10.244.2.20/32}
                """),
            new("NetworkPolicy shop/web-from-bastion", "spec.ingress[0].from[0].ipBlock", ["holds the IP of ops/bastion", "differs on cilium"], Fix: ["podSelector"])),
        new("an ipBlock holding only outside addresses",
            "cni-dependent",
            Join(
                Pod("shop/web", "{app: web}", ip: "10.244.1.10"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web-from-office
                  namespace: shop
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 203.0.113.0/24}
                """),
            Finding: null),
        new("no network plugin in the manifests",
            "cni-without-policy-support",
            Join(Shop, DefaultDenyIngress),
            Finding: null),
        .. TierRows,
    ];
}
