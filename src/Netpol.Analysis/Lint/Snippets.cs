namespace Netpol.Analysis.Lint;

/// <summary>YAML that fixes recur across rules, written once.</summary>
internal static class Snippets
{
    /// <summary>An egress rule allowing DNS to the kube-dns pods over UDP and TCP.</summary>
    public const string DnsEgressRule = """
        - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
          ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
        """;

    /// <summary>The ports of a DNS rule.</summary>
    public const string DnsPorts = """
        ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
        """;

    /// <summary>The private IPv4 ranges (RFC 1918) and link-local (cloud metadata) to except from internet egress.</summary>
    public static readonly IReadOnlyList<string> PrivateIPv4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    /// <summary>IPv6 unique local addresses.</summary>
    public static readonly IReadOnlyList<string> PrivateIPv6 = ["fc00::/7"];
}
