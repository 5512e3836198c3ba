using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class RuleShapeTests
{
    private static readonly string[] Pods =
    [
        "namespace other",
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2",
        "pod other/x app=x ip:10.1.0.1",
    ];

    private static string OnB(string spec) => Policy("default/on-b", "podSelector: {matchLabels: {app: b}}\n" + spec);

    private static string OnA(string spec) => Policy("default/on-a", "podSelector: {matchLabels: {app: a}}\n" + spec);

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("Ingress listed with ingress absent denies all ingress",
            World: Pods, Policies: [OnB("policyTypes: [Ingress]")],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("Ingress listed with an empty ingress list denies all ingress",
            World: Pods, Policies: [OnB("policyTypes: [Ingress]\ningress: []")],
            From: "other/x", To: "default/b", Port: "80/TCP", Allowed: false),
        new("Egress listed with egress absent denies all egress",
            World: Pods, Policies: [OnA("policyTypes: [Egress]")],
            From: "default/a", To: "203.0.113.1", Port: "443/TCP", Allowed: false),
        new("Egress listed with an empty egress list denies all egress",
            World: Pods, Policies: [OnA("policyTypes: [Egress]\negress: []")],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an empty ingress rule allows every pod",
            World: Pods, Policies: [OnB("ingress:\n- {}")],
            From: "other/x", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an empty ingress rule allows external addresses on any protocol",
            World: Pods, Policies: [OnB("ingress:\n- {}")],
            From: "203.0.113.9", To: "default/b", Port: "53/UDP", Allowed: true),
        new("an empty egress rule allows external addresses",
            World: Pods, Policies: [OnA("policyTypes: [Egress]\negress:\n- {}")],
            From: "default/a", To: "2001:db8::1", Port: "443/TCP", Allowed: true),
        new("a rule without from admits pods of other namespaces",
            World: Pods, Policies: [OnB("ingress:\n- ports: [{port: 80}]")],
            From: "other/x", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a rule without from admits external addresses",
            World: Pods, Policies: [OnB("ingress:\n- ports: [{port: 80}]")],
            From: "198.51.100.4", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a rule with an empty from list admits every peer",
            World: Pods, Policies: [OnB("ingress:\n- from: []\n  ports: [{port: 80}]")],
            From: "other/x", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a rule with an empty to list admits external destinations",
            World: Pods, Policies: [OnA("policyTypes: [Egress]\negress:\n- to: []\n  ports: [{port: 443}]")],
            From: "default/a", To: "198.51.100.4", Port: "443/TCP", Allowed: true),
        new("a rule without from still limits the ports",
            World: Pods, Policies: [OnB("ingress:\n- ports: [{port: 80}]")],
            From: "default/a", To: "default/b", Port: "81/TCP", Allowed: false),
        new("a rule without ports allows every TCP port of its peers",
            World: Pods, Policies: [OnB("ingress:\n- from: [{podSelector: {matchLabels: {app: a}}}]")],
            From: "default/a", To: "default/b", Port: "65535/TCP", Allowed: true),
        new("a rule without ports allows SCTP as well",
            World: Pods, Policies: [OnB("ingress:\n- from: [{podSelector: {matchLabels: {app: a}}}]")],
            From: "default/a", To: "default/b", Port: "9999/SCTP", Allowed: true),
        new("a rule with an empty ports list allows UDP as well",
            World: Pods, Policies: [OnB("ingress:\n- from: [{podSelector: {matchLabels: {app: a}}}]\n  ports: []")],
            From: "default/a", To: "default/b", Port: "53/UDP", Allowed: true),
        new("a rule without ports still limits the peers",
            World: Pods, Policies: [OnB("ingress:\n- from: [{podSelector: {matchLabels: {app: a}}}]")],
            From: "other/x", To: "default/b", Port: "80/TCP", Allowed: false),
    };
}
