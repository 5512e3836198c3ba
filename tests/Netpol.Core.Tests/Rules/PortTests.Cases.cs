using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class PortTests
{
    private static readonly string[] Pods =
    [
        "pod default/a app=a ip:10.0.0.1 port:http=9090/TCP",
        "pod default/b app=b ip:10.0.0.2 port:http=8080/TCP port:dns=53/UDP port:metrics=9100/TCP",
        "pod default/c app=c ip:10.0.0.3 port:http=7070/TCP port:dns=5353/TCP",
        "pod default/d app=d ip:10.0.0.4",
    ];

    private static string IngressToB(string ports) => Policy("default/b-ingress", $$$$"""
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: a}}}]
          ports: {{{{ports}}}}
        """);

    private static string EgressFromA(string ports) => Policy("default/a-egress", $$$"""
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        egress:
        - ports: {{{ports}}}
        """);

    private static string IngressToAll(string ports) => Policy("default/all-ingress", $$$"""
        podSelector: {}
        ingress:
        - ports: {{{ports}}}
        """);

    private static readonly string Port80 = IngressToB("[{port: 80}]");

    private static readonly string Dns = IngressToB("[{port: 53, protocol: UDP}]");

    private static readonly string Sctp = IngressToB("[{port: 80, protocol: SCTP}]");

    private static readonly string AnyUdp = IngressToB("[{protocol: UDP}]");

    private static readonly string Range = IngressToB("[{port: 8000, endPort: 8010}]");

    private static readonly string NamedHttp = IngressToAll("[{port: http}]");

    private static readonly string EgressHttp = EgressFromA("[{port: http}]");

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("a port without protocol is TCP",
            World: Pods, Policies: [Port80],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a port without protocol does not allow UDP",
            World: Pods, Policies: [Port80],
            From: "default/a", To: "default/b", Port: "80/UDP", Allowed: false),
        new("a port without protocol does not allow SCTP",
            World: Pods, Policies: [Port80],
            From: "default/a", To: "default/b", Port: "80/SCTP", Allowed: false),
        new("a port without protocol does not allow its neighbour",
            World: Pods, Policies: [Port80],
            From: "default/a", To: "default/b", Port: "81/TCP", Allowed: false),
        new("a UDP port allows UDP",
            World: Pods, Policies: [Dns],
            From: "default/a", To: "default/b", Port: "53/UDP", Allowed: true),
        new("a UDP port does not allow TCP on the same number",
            World: Pods, Policies: [Dns],
            From: "default/a", To: "default/b", Port: "53/TCP", Allowed: false),
        new("an SCTP port allows SCTP",
            World: Pods, Policies: [Sctp],
            From: "default/a", To: "default/b", Port: "80/SCTP", Allowed: true),
        new("an SCTP port does not allow TCP on the same number",
            World: Pods, Policies: [Sctp],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a protocol without a port allows every port of that protocol",
            World: Pods, Policies: [AnyUdp],
            From: "default/a", To: "default/b", Port: "65535/UDP", Allowed: true),
        new("a protocol without a port allows no other protocol",
            World: Pods, Policies: [AnyUdp],
            From: "default/a", To: "default/b", Port: "53/TCP", Allowed: false),
        new("endPort includes the first port",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "8000/TCP", Allowed: true),
        new("endPort includes a port in the middle",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "8005/TCP", Allowed: true),
        new("endPort includes the last port",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "8010/TCP", Allowed: true),
        new("endPort excludes the port before the range",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "7999/TCP", Allowed: false),
        new("endPort excludes the port after the range",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "8011/TCP", Allowed: false),
        new("endPort range is of its protocol only",
            World: Pods, Policies: [Range],
            From: "default/a", To: "default/b", Port: "8005/UDP", Allowed: false),
        new("an ingress named port resolves against the selected pod",
            World: Pods, Policies: [NamedHttp],
            From: "default/a", To: "default/b", Port: "8080/TCP", Allowed: true),
        new("an ingress named port resolves per selected pod",
            World: Pods, Policies: [NamedHttp],
            From: "default/a", To: "default/c", Port: "7070/TCP", Allowed: true),
        new("an ingress named port does not resolve against the source pod",
            World: Pods, Policies: [NamedHttp],
            From: "default/a", To: "default/b", Port: "9090/TCP", Allowed: false),
        new("an ingress named port does not allow another pod's number for that name",
            World: Pods, Policies: [NamedHttp],
            From: "default/a", To: "default/c", Port: "8080/TCP", Allowed: false),
        new("an ingress named port allows nothing on a pod without that name",
            World: Pods, Policies: [NamedHttp],
            From: "default/a", To: "default/d", Port: "8080/TCP", Allowed: false),
        new("an ingress named port admits external clients on the resolved port",
            World: Pods, Policies: [NamedHttp],
            From: "203.0.113.5", To: "default/b", Port: "8080/TCP", Allowed: true),
        new("an egress named port resolves against the destination pod",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "default/b", Port: "8080/TCP", Allowed: true),
        new("an egress named port resolves per destination pod",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "default/c", Port: "7070/TCP", Allowed: true),
        new("an egress named port does not resolve against the source pod",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "default/b", Port: "9090/TCP", Allowed: false),
        new("an egress named port matches nothing on an external destination",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "203.0.113.5", Port: "9090/TCP", Allowed: false),
        new("an egress named port matches nothing on an external destination, whatever the number",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "203.0.113.5", Port: "8080/TCP", Allowed: false),
        new("an egress named port allows nothing to a pod without that name",
            World: Pods, Policies: [EgressHttp],
            From: "default/a", To: "default/d", Port: "8080/TCP", Allowed: false),
        new("a named port of the right protocol matches",
            World: Pods, Policies: [IngressToAll("[{port: dns, protocol: UDP}]")],
            From: "default/a", To: "default/b", Port: "53/UDP", Allowed: true),
        new("a named UDP port does not match a TCP container port of that name",
            World: Pods, Policies: [IngressToAll("[{port: dns, protocol: UDP}]")],
            From: "default/a", To: "default/c", Port: "5353/TCP", Allowed: false),
        new("a named UDP port does not turn a TCP container port into UDP",
            World: Pods, Policies: [IngressToAll("[{port: dns, protocol: UDP}]")],
            From: "default/a", To: "default/c", Port: "5353/UDP", Allowed: false),
        new("a named TCP port does not match a UDP container port of that name",
            World: Pods, Policies: [IngressToAll("[{port: dns}]")],
            From: "default/a", To: "default/b", Port: "53/UDP", Allowed: false),
        new("a named port only allows its own number",
            World: Pods, Policies: [IngressToAll("[{port: metrics}]")],
            From: "default/a", To: "default/b", Port: "8080/TCP", Allowed: false),
    };
}
