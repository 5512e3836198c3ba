using Netpol.Core.Profiles;
using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Profiles;

public sealed partial class CniProfileTests
{
    // Two nodes; prod/web and the hostNetwork agent run on n1, dev/client and agent2 on n2.
    private static readonly string[] Nodes =
    [
        "namespace prod env=prod",
        "namespace dev env=dev",
        "namespace kube-system",
        "node n1 ip:10.0.9.1",
        "node n2 ip:10.0.9.2",
        "pod prod/web app=web ip:10.0.0.1 node:n1 port:http=8080/TCP port:diameter=3868/SCTP",
        "pod dev/client app=client ip:10.0.1.2 node:n2",
        "pod kube-system/agent app=agent ip:10.0.9.1 node:n1 hostNetwork",
        "pod kube-system/agent2 app=agent ip:10.0.9.2 node:n2 hostNetwork",
    ];

    private static readonly string IngressFromPodCidr = Policy("prod/from-pod-cidr", """
        podSelector: {matchLabels: {app: web}}
        ingress:
        - from:
          - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.9.0/24]}
        """);

    private static readonly string IngressFromNodeCidr = Policy("prod/from-node-cidr", """
        podSelector: {matchLabels: {app: web}}
        ingress:
        - from:
          - ipBlock: {cidr: 10.0.9.0/24}
        """);

    private static readonly string DenyAllIngressToWeb = Policy("prod/deny-all", """
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Ingress]
        """);

    private static readonly string IPBlockOnNamedPort = Policy("prod/cidr-named", """
        podSelector: {matchLabels: {app: web}}
        ingress:
        - from:
          - ipBlock: {cidr: 10.0.1.0/24}
          ports:
          - port: http
        """);

    private static readonly string IPBlockOnNumberedPort = Policy("prod/cidr-number", """
        podSelector: {matchLabels: {app: web}}
        ingress:
        - from:
          - ipBlock: {cidr: 10.0.1.0/24}
          ports:
          - port: 8080
        """);

    private const string AdminDenyDevToWeb = """
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata:
          name: deny-dev-to-web
        spec:
          tier: Admin
          priority: 10
          subject:
            pods:
              namespaceSelector: {matchLabels: {env: prod}}
              podSelector: {matchLabels: {app: web}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}

        """;

    private const string AwsAdminDenyDevToWeb = """
        apiVersion: networking.k8s.aws/v1alpha1
        kind: ClusterNetworkPolicy
        metadata:
          name: aws-deny-dev-to-web
        spec:
          tier: Admin
          priority: 10
          subject:
            pods:
              namespaceSelector: {matchLabels: {env: prod}}
              podSelector: {matchLabels: {app: web}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}
        """;

    private const string LegacyAdminDenyDevToWeb = """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata:
          name: legacy-deny
        spec:
          priority: 10
          subject:
            pods:
              namespaceSelector: {matchLabels: {env: prod}}
              podSelector: {matchLabels: {app: web}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}

        """;

    public static TheoryData<ProfileCase> Cases => new()
    {
        // ipBlock and pod IPs
        new("cilium: an ipBlock covering a pod's IP does not match the pod",
            "cilium", [IngressFromPodCidr], "dev/client", "prod/web", "80/TCP", Portable: true, Allowed: false, CniBehaviour.IPBlockIgnoresPodIPs),
        new("calico: an ipBlock covering a pod's IP matches the pod",
            "calico", [IngressFromPodCidr], "dev/client", "prod/web", "80/TCP", Portable: true, Allowed: true, null),
        new("cilium: an ipBlock still matches an external address",
            "cilium", [IngressFromPodCidr], "10.0.200.1", "prod/web", "80/TCP", Portable: true, Allowed: true, null),

        // ipBlock and node addresses
        new("cilium: an ipBlock covering a node address does not match a hostNetwork pod on another node",
            "cilium", [IngressFromNodeCidr], "kube-system/agent2", "prod/web", "80/TCP", Portable: true, Allowed: false, CniBehaviour.IPBlockIgnoresNodeIPs),
        new("antrea: an ipBlock covering a node address matches a hostNetwork pod",
            "antrea", [IngressFromNodeCidr], "kube-system/agent2", "prod/web", "80/TCP", Portable: true, Allowed: true, null),

        // Traffic from the pod's own node
        new("calico: a hostNetwork pod on the same node reaches a pod whose ingress is denied",
            "calico", [DenyAllIngressToWeb], "kube-system/agent", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.NodeToLocalPodAllowed),
        new("cilium: the local host reaches a pod whose ingress is denied",
            "cilium", [DenyAllIngressToWeb], "kube-system/agent", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.NodeToLocalPodAllowed),
        new("aws-vpc: the node's own address reaches a pod whose ingress is denied",
            "aws-vpc", [DenyAllIngressToWeb], "10.0.9.1", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.NodeToLocalPodAllowed),
        new("ovn-kubernetes: a hostNetwork pod on the same node reaches a pod whose ingress is denied",
            "ovn-kubernetes", [DenyAllIngressToWeb], "kube-system/agent", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.NodeToLocalPodAllowed),
        new("calico: a hostNetwork pod on another node is still denied",
            "calico", [DenyAllIngressToWeb], "kube-system/agent2", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("calico: another node's address is still denied",
            "calico", [DenyAllIngressToWeb], "10.0.9.2", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("antrea: no source says the local node is exempt, so it is denied as upstream",
            "antrea", [DenyAllIngressToWeb], "kube-system/agent", "prod/web", "80/TCP", Portable: false, Allowed: false, null),

        // SCTP
        new("cilium: SCTP is not carried by default",
            "cilium", [], "dev/client", "prod/web", "3868/SCTP", Portable: true, Allowed: false, CniBehaviour.SctpUnsupported),
        new("cilium: TCP next to SCTP is unaffected",
            "cilium", [], "dev/client", "prod/web", "8080/TCP", Portable: true, Allowed: true, null),
        new("calico: SCTP is allowed as upstream",
            "calico", [], "dev/client", "prod/web", "3868/SCTP", Portable: true, Allowed: true, null),

        // ipBlock with a named port
        new("aws-vpc: an ipBlock peer of a rule with a named port is skipped",
            "aws-vpc", [IPBlockOnNamedPort], "dev/client", "prod/web", "8080/TCP", Portable: true, Allowed: false, CniBehaviour.IPBlockWithNamedPortIgnored),
        new("aws-vpc: an ipBlock peer of a rule with a numbered port applies",
            "aws-vpc", [IPBlockOnNumberedPort], "dev/client", "prod/web", "8080/TCP", Portable: true, Allowed: true, null),
        new("calico: an ipBlock peer of a rule with a named port applies",
            "calico", [IPBlockOnNamedPort], "dev/client", "prod/web", "8080/TCP", Portable: true, Allowed: true, null),

        // Cluster network policies
        new("calico: a ClusterNetworkPolicy Deny is enforced",
            "calico", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("antrea: a ClusterNetworkPolicy Deny is enforced",
            "antrea", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("cilium: a ClusterNetworkPolicy has no effect",
            "cilium", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),
        new("aws-vpc: an upstream ClusterNetworkPolicy has no effect",
            "aws-vpc", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),
        new("ovn-kubernetes: a ClusterNetworkPolicy has no effect",
            "ovn-kubernetes", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),
        new("aws-vpc: AWS's own ClusterNetworkPolicy (networking.k8s.aws) Deny is enforced",
            "aws-vpc", [AwsAdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("calico: AWS's ClusterNetworkPolicy kind has no effect",
            "calico", [AwsAdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),
        new("antrea: AWS's ClusterNetworkPolicy kind has no effect",
            "antrea", [AwsAdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),
        new("ovn-kubernetes: a legacy AdminNetworkPolicy Deny is enforced",
            "ovn-kubernetes", [LegacyAdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: false, null),
        new("calico: a legacy AdminNetworkPolicy has no effect",
            "calico", [LegacyAdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.ClusterPolicyKindIgnored),

        // A plugin that enforces nothing
        new("flannel: a NetworkPolicy that denies all ingress has no effect",
            "flannel", [DenyAllIngressToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.PoliciesNotEnforced),
        new("flannel: an Admin ClusterNetworkPolicy Deny has no effect",
            "flannel", [AdminDenyDevToWeb], "dev/client", "prod/web", "80/TCP", Portable: false, Allowed: true, CniBehaviour.PoliciesNotEnforced),
        new("flannel: an ipBlock ingress allow changes nothing, the connection was allowed anyway",
            "flannel", [IngressFromPodCidr], "dev/client", "prod/web", "80/TCP", Portable: true, Allowed: true, null),
        new("flannel: SCTP passes a deny-all",
            "flannel", [DenyAllIngressToWeb], "dev/client", "prod/web", "3868/SCTP", Portable: false, Allowed: true, CniBehaviour.PoliciesNotEnforced),
    };
}
