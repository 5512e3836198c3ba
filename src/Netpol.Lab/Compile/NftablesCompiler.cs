using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Lab.Compile;

/// <summary>
/// Compiles NetworkPolicies to one nftables table, the way a CNI's node agent enforces them for the pods it hosts:
/// <list type="bullet">
/// <item>two base chains on the forward hook: egress (of the source) at priority <c>filter</c>, ingress (of the
/// destination) at <c>filter + 10</c>. An <c>accept</c> in the first hands the packet to the second; a
/// <c>drop</c> is final. So a connection needs both directions, as the API says.</item>
/// <item>replies and related packets (ICMP errors) of accepted connections pass (<c>ct state established,related</c>).</item>
/// <item>a verdict map per direction and family sends packets of isolated pods to their per-pod chain; pods no
/// policy isolates are not in the map, so the base chain's <c>policy accept</c> lets them through.</item>
/// <item>a per-pod chain jumps to the chain of every policy that selects the pod (policies add up) and ends in
/// <c>drop</c>; a policy chain holds one nft rule per rule, peer and protocol, with a comment naming them.</item>
/// </list>
/// Selector peers are resolved to the addresses of the pods they match now (named sets); ipBlock peers stay CIDRs,
/// minus their except ranges and minus the placeholder addresses of pods without an IP. Named ports are resolved
/// against the destination pod: in ingress the selected pod, in egress every pod the peer admits.
/// Cluster network policies (the Admin and Baseline tiers) add chains around the NetworkPolicy ones: see
/// NftablesCompiler.Tiers.cs.
/// </summary>
public static partial class NftablesCompiler
{
    /// <summary>The table the compiled rules live in (<c>table inet netpol</c>).</summary>
    public const string TableName = "netpol";

    /// <summary>nftables keeps at most 128 bytes of a rule comment.</summary>
    private const int MaxComment = 127;

    /// <summary>Compiles the cluster's policies for all pods, or for one pod (its chains and what they use).</summary>
    public static NftRuleset Compile(Cluster cluster, AddressPlan plan, Pod? onlyPod = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(plan);
        return new Builder(cluster, plan, onlyPod).Build();
    }

    private sealed partial class Builder
    {
        private readonly Cluster _cluster;
        private readonly AddressPlan _plan;
        private readonly Pod? _onlyPod;
        private readonly Names _names = new();
        private readonly List<(string Name, string Type, string Comment, List<string> Elements)> _sets = [];
        private readonly Dictionary<string, List<string>> _chains = new(StringComparer.Ordinal);
        private readonly List<string> _chainOrder = [];
        private readonly Dictionary<(NetworkPolicy, Direction), string> _policyChains = [];
        private readonly Dictionary<(Pod, Direction), string> _podChains = [];
        private readonly HashSet<(Direction, IPAddress)> _dispatched = [];
        private readonly Dictionary<(string?, LabelSelector?, LabelSelector?), List<Pod>> _selectorMatches = [];
        private Dictionary<(string, string), List<Namespace>>? _namespacesByLabel;
        private Dictionary<string, List<Pod>>? _podsByPortName;
        private readonly Dictionary<string, List<Pod>> _podsInBlock = new(StringComparer.Ordinal);
        private Dictionary<AddressFamily, (UInt128 Key, Pod Pod)[]>? _podsByAddress;
        private readonly Dictionary<Direction, List<(IPAddress Address, string Chain)>> _dispatch = new()
        {
            [Direction.Ingress] = [],
            [Direction.Egress] = [],
        };

        public Builder(Cluster cluster, AddressPlan plan, Pod? onlyPod)
        {
            _cluster = cluster;
            _plan = plan;
            _onlyPod = onlyPod;
        }

        public NftRuleset Build()
        {
            var subjects = _onlyPod is null ? _cluster.Pods : [_onlyPod];
            var isolated = new Dictionary<Direction, int> { [Direction.Ingress] = 0, [Direction.Egress] = 0 };
            foreach (var pod in subjects)
            {
                foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
                {
                    var policies = _cluster.PoliciesIn(pod.Namespace).Where(p => Semantics.Selects(p, pod, direction)).ToList();
                    var admin = TierPolicies(ClusterPolicyTier.Admin, pod, direction);
                    var baseline = policies.Count == 0 ? TierPolicies(ClusterPolicyTier.Baseline, pod, direction) : [];
                    if (policies.Count == 0 && admin.Count == 0 && baseline.Count == 0)
                    {
                        continue;
                    }

                    var prefix = direction == Direction.Ingress ? "in" : "out";
                    var chain = _names.Chain($"{prefix}_{pod.Namespace}_{pod.Name}");
                    _podChains[(pod, direction)] = chain;
                    var dir = direction == Direction.Ingress ? "ingress" : "egress";
                    var lines = new List<string>();
                    if (policies.Count > 0)
                    {
                        isolated[direction]++;
                        foreach (var policy in policies)
                        {
                            lines.Add($"jump {PolicyChain(policy, direction)}");
                        }

                        lines.Add($"drop comment {Quote($"{pod.FullName} {dir}: isolated by {string.Join(", ", policies.Select(p => p.Name))}; nothing else allowed")}");
                    }
                    else
                    {
                        foreach (var policy in baseline)
                        {
                            lines.Add($"jump {ClusterPolicyChain(policy, direction)}");
                        }

                        lines.Add($"accept comment {Quote($"{pod.FullName} {dir}: no tier decided; allowed by default")}");
                    }

                    if (admin.Count > 0)
                    {
                        // The Admin tier comes first. What it leaves undecided, and what a Pass rule hands over, goes
                        // on to the rest (NetworkPolicy or Baseline, then the default), which always ends in a verdict:
                        // so a Pass can goto it from deep inside a shared policy chain without returning anywhere.
                        var rest = _names.Chain($"{prefix}_{pod.Namespace}_{pod.Name}_{(policies.Count > 0 ? "netpol" : "baseline")}");
                        AddChain(rest, lines);
                        lines = [.. admin.Select(p => $"jump {ClusterPolicyChain(p, direction)}")];
                        lines.Add($"goto {rest}");
                        foreach (var address in _plan.AddressesOf(pod))
                        {
                            if (_passed.Add((direction, address)))
                            {
                                _pass[direction].Add((address, rest));
                            }
                        }
                    }

                    AddChain(chain, lines);
                    foreach (var address in _plan.AddressesOf(pod))
                    {
                        // Two pods cannot share an address in the data plane: the first one (by name) keeps it.
                        if (_dispatched.Add((direction, address)))
                        {
                            _dispatch[direction].Add((address, chain));
                        }
                    }
                }
            }

            return new NftRuleset(Render(subjects.Count, isolated), _chains, _podChains, _policyChains, _clusterChains, _uncompiled);
        }

        private string PolicyChain(NetworkPolicy policy, Direction direction)
        {
            if (_policyChains.TryGetValue((policy, direction), out var existing))
            {
                return existing;
            }

            var dir = direction == Direction.Ingress ? "ingress" : "egress";
            var name = _names.Chain($"pol_{policy.Namespace}_{policy.Name}_{(direction == Direction.Ingress ? "in" : "out")}");
            _policyChains[(policy, direction)] = name;
            var lines = new List<string>();
            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                CompileRule(policy, direction, rules[i], $"{dir}[{i}]", lines);
            }

            if (rules.Count == 0)
            {
                lines.Add($"# {policy.FullName} has no {dir} rules: it only isolates the pods it selects");
            }

            AddChain(name, lines);
            return name;
        }

        private void CompileRule(NetworkPolicy policy, Direction direction, PolicyRule rule, string path, List<string> lines)
        {
            var peerField = direction == Direction.Ingress ? "from" : "to";
            var peers = rule.AllPeers
                ? [(Label: $"{path} (all peers)", Peer: (PolicyPeer?)null)]
                : rule.Peers.Select((p, j) => (Label: $"{path}.{peerField}[{j}]", Peer: (PolicyPeer?)p)).ToList();
            var numbered = PortSet.Empty;
            foreach (var port in rule.Ports.Where(p => p.Name is null))
            {
                numbered = numbered.Union(Semantics.PortsOf(port, Endpoint.ForAddress(IPAddress.Any)));
            }

            var named = rule.Ports.Where(p => p.Name is not null).ToList();
            foreach (var (label, peer) in peers)
            {
                var peerConditions = PeerConditions(policy, direction, peer, label);
                var comment = $"{policy.FullName} {label}";
                if (rule.AllPorts)
                {
                    Emit(lines, peerConditions, [Condition.Any(string.Empty)], comment);
                    continue;
                }

                if (!numbered.IsEmpty)
                {
                    Emit(lines, peerConditions, PortConditions(numbered), $"{comment} {Describe(numbered)}");
                }

                if (named.Count > 0)
                {
                    EmitNamed(lines, policy, direction, peer, peerConditions, named, comment);
                }
            }
        }

        /// <summary>
        /// Named ports resolve against the destination: in ingress the pods the policy selects (the subject of the
        /// chain), in egress every pod the peer admits. Destinations that resolve the same are written together.
        /// </summary>
        private void EmitNamed(List<string> lines, NetworkPolicy policy, Direction direction, PolicyPeer? peer, List<Condition> peerConditions, List<PolicyPort> named, string comment)
        {
            IEnumerable<Pod> destinations = direction == Direction.Ingress
                ? (_onlyPod is null ? _cluster.PodsIn(policy.Namespace) : [_onlyPod]).Where(p => Semantics.Selects(policy, p, Direction.Ingress))
                : peer is null ? PodsDeclaring(named)
                : peer.IPBlock is null ? SelectorMatches(policy, peer)
                : PodsInside(peer.IPBlock);
            var groups = destinations
                .Select(pod => (Pod: pod, Ports: named.Aggregate(PortSet.Empty, (s, port) => s.Union(Semantics.PortsOf(port, Endpoint.ForPod(pod))))))
                .Where(x => !x.Ports.IsEmpty)
                .GroupBy(x => x.Ports.ToString(), StringComparer.Ordinal)
                .ToList();
            var names = string.Join(",", named.Select(p => p.ToString()));
            if (groups.Count == 0)
            {
                lines.Add($"# {comment} named port {names}: no destination pod declares it, so it allows nothing");
                return;
            }

            foreach (var group in groups)
            {
                var ports = group.First().Ports;
                var addresses = group.SelectMany(x => _plan.AddressesOf(x.Pod)).Distinct().ToList();
                var destination = AddressConditions("daddr", addresses);

                // In egress the destination pods already are the peer's matches (the engine matches a named port to
                // the whole pod, whichever of its addresses the peer matched), so only ingress keeps the peer test.
                var conditions = direction == Direction.Ingress ? Combine(peerConditions, destination) : destination;
                Emit(lines, conditions, PortConditions(ports), $"{comment} {names}={Describe(ports)}");
            }
        }

        private List<Condition> PeerConditions(NetworkPolicy policy, Direction direction, PolicyPeer? peer, string label)
        {
            var field = direction == Direction.Ingress ? "saddr" : "daddr";
            if (peer is null)
            {
                return [Condition.Any(string.Empty)];
            }

            if (peer.IPBlock is { } block)
            {
                var family = block.Cidr.BaseAddress.AddressFamily;
                var ip = Ip(family);
                var text = new StringBuilder($"{ip} {field} {Cidr(block.Cidr)}");
                if (block.Except.Count > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {ip} {field} != {{ {string.Join(", ", block.Except.Select(Cidr))} }}");
                }

                if (_plan.Placeholders.Any(a => a.AddressFamily == family))
                {
                    text.Append(CultureInfo.InvariantCulture, $" {ip} {field} != @{PlaceholderSet(family)}");
                }

                return [new Condition(family, text.ToString())];
            }

            var pods = SelectorMatches(policy, peer);
            var result = new List<Condition>();
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var addresses = pods.SelectMany(p => _plan.AddressesOf(p, family)).Distinct().Select(a => a.ToString()).ToList();
                if (addresses.Count == 0 && (family == AddressFamily.InterNetworkV6 || pods.Count > 0))
                {
                    continue;
                }

                var set = _names.Set($"{policy.Namespace}_{policy.Name}_{label}_{(family == AddressFamily.InterNetwork ? "v4" : "v6")}");
                var selected = pods.Count == 0 ? "no pods" : string.Join(" ", pods.Take(8).Select(p => p.FullName)) + (pods.Count > 8 ? $" and {pods.Count - 8} more" : string.Empty);
                _sets.Add((set, family == AddressFamily.InterNetwork ? "ipv4_addr" : "ipv6_addr", $"{policy.FullName} {label}: {selected}", addresses));
                result.Add(new Condition(family, $"{Ip(family)} {field} @{set}"));
            }

            return result;
        }

        /// <summary>
        /// The pods a selector peer matches, computed once per distinct peer: a podSelector alone looks only at the
        /// policy's namespace, a namespaceSelector only at the namespaces it matches. Many policies share peers (DNS,
        /// monitoring), so large clusters compile in time linear in their size.
        /// </summary>
        private List<Pod> SelectorMatches(NetworkPolicy policy, PolicyPeer peer)
        {
            var key = (peer.NamespaceSelector is null ? policy.Namespace : null, peer.NamespaceSelector, peer.PodSelector);
            if (_selectorMatches.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var candidates = peer.NamespaceSelector is null
                ? _cluster.PodsIn(policy.Namespace)
                : NamespacesMatching(peer.NamespaceSelector).SelectMany(n => _cluster.PodsIn(n.Name));
            var pods = candidates.Where(p => Semantics.PeerMatches(policy, peer, Endpoint.ForPod(p), _cluster))
                .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            _selectorMatches[key] = pods;
            return pods;
        }

        /// <summary>The pods that declare a container port with one of the names (the only ones a named port can reach).</summary>
        private IEnumerable<Pod> PodsDeclaring(List<PolicyPort> named)
        {
            _podsByPortName ??= _cluster.Pods
                .SelectMany(p => p.Ports.Where(c => c.Name is not null).Select(c => (Name: c.Name!, Pod: p)))
                .GroupBy(x => x.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Pod).Distinct().ToList(), StringComparer.Ordinal);
            return named.Select(p => p.Name!).Distinct(StringComparer.Ordinal)
                .SelectMany(n => _podsByPortName.GetValueOrDefault(n) ?? [])
                .Distinct()
                .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal);
        }

        /// <summary>Namespaces a selector matches, looked up by one of its <c>In</c> requirements when it has one.</summary>
        private IEnumerable<Namespace> NamespacesMatching(LabelSelector selector)
        {
            if (_namespacesByLabel is null)
            {
                _namespacesByLabel = [];
                foreach (var ns in _cluster.Namespaces)
                {
                    foreach (var label in ns.Labels)
                    {
                        if (!_namespacesByLabel.TryGetValue((label.Key, label.Value), out var list))
                        {
                            _namespacesByLabel[(label.Key, label.Value)] = list = [];
                        }

                        list.Add(ns);
                    }
                }
            }

            var lookup = selector.Requirements.FirstOrDefault(r => r.Operator == SelectorOperator.In);
            var candidates = lookup is null
                ? _cluster.Namespaces
                : lookup.Values.Distinct().SelectMany(v => _namespacesByLabel.GetValueOrDefault((lookup.Key, v)) ?? []);
            return candidates.Where(n => selector.Matches(n.Labels));
        }

        /// <summary>
        /// Pods with a (real) address an ipBlock matches: binary search over the sorted pod addresses, one slice per
        /// part of the CIDR outside its except ranges; computed once per distinct block.
        /// </summary>
        private List<Pod> PodsInside(IPBlock block)
        {
            var cacheKey = block.ToString();
            if (_podsInBlock.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }

            _podsByAddress ??= _cluster.Pods.SelectMany(p => p.IPs.Select(a => (Family: a.AddressFamily, Key: Key(a), Pod: p)))
                .GroupBy(x => x.Family)
                .ToDictionary(g => g.Key, g => g.Select(x => (x.Key, x.Pod)).OrderBy(x => x.Key).ToArray());
            var result = new List<Pod>();
            if (_podsByAddress.TryGetValue(block.Cidr.BaseAddress.AddressFamily, out var sorted))
            {
                var parts = new List<(UInt128 First, UInt128 Last)> { Bounds(block.Cidr) };
                foreach (var (ef, el) in block.Except.Select(Bounds))
                {
                    parts = parts.SelectMany(p => Subtract(p, ef, el)).ToList();
                }

                foreach (var (first, last) in parts)
                {
                    for (var i = LowerBound(sorted, first); i < sorted.Length && sorted[i].Key <= last; i++)
                    {
                        result.Add(sorted[i].Pod);
                    }
                }
            }

            result = [.. result.Distinct().OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
            _podsInBlock[cacheKey] = result;
            return result;
        }

        private static IEnumerable<(UInt128 First, UInt128 Last)> Subtract((UInt128 First, UInt128 Last) part, UInt128 first, UInt128 last)
        {
            if (last < part.First || first > part.Last)
            {
                yield return part;
                yield break;
            }

            if (first > part.First)
            {
                yield return (part.First, first - 1);
            }

            if (last < part.Last)
            {
                yield return (last + 1, part.Last);
            }
        }

        private static int LowerBound((UInt128 Key, Pod Pod)[] sorted, UInt128 first)
        {
            var lo = 0;
            var hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sorted[mid].Key < first)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static (UInt128 First, UInt128 Last) Bounds(IPNetwork cidr)
        {
            var first = Key(cidr.BaseAddress);
            var hostBits = (cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) - cidr.PrefixLength;
            return (first, first + (hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1));
        }

        private static UInt128 Key(IPAddress address)
        {
            var value = UInt128.Zero;
            foreach (var b in address.GetAddressBytes())
            {
                value = (value << 8) | b;
            }

            return value;
        }

        private static List<Condition> AddressConditions(string field, IReadOnlyList<IPAddress> addresses)
        {
            var result = new List<Condition>();
            foreach (var family in addresses.Select(a => a.AddressFamily).Distinct().OrderBy(f => f))
            {
                var list = addresses.Where(a => a.AddressFamily == family).Select(a => a.ToString()).ToList();
                var value = list.Count == 1 ? list[0] : $"{{ {string.Join(", ", list)} }}";
                result.Add(new Condition(family, $"{Ip(family)} {field} {value}"));
            }

            return result;
        }

        private static List<Condition> PortConditions(PortSet ports)
        {
            var result = new List<Condition>();
            foreach (var protocol in ports.Ranges.Select(r => r.Protocol).Distinct())
            {
                var ranges = ports.Ranges.Where(r => r.Protocol == protocol).ToList();
                var proto = protocol.ToString().ToLowerInvariant();
                if (ranges is [{ Start: PortRange.MinPort, End: PortRange.MaxPort }])
                {
                    result.Add(Condition.Any($"meta l4proto {proto}"));
                    continue;
                }

                var items = ranges.Select(r => r.Start == r.End ? r.Start.ToString(CultureInfo.InvariantCulture) : $"{r.Start}-{r.End}").ToList();
                var value = items.Count == 1 ? items[0] : $"{{ {string.Join(", ", items)} }}";
                result.Add(Condition.Any($"{proto} dport {value}"));
            }

            return result;
        }

        private static List<Condition> Combine(List<Condition> left, List<Condition> right)
        {
            var result = new List<Condition>();
            foreach (var a in left)
            {
                foreach (var b in right)
                {
                    if (a.Family is { } fa && b.Family is { } fb && fa != fb)
                    {
                        continue; // an IPv4 peer never meets an IPv6 destination
                    }

                    result.Add(new Condition(a.Family ?? b.Family, $"{a.Text} {b.Text}".Trim()));
                }
            }

            return result;
        }

        private static void Emit(List<string> lines, List<Condition> peers, List<Condition> ports, string comment)
        {
            foreach (var c in Combine(peers, ports))
            {
                var text = c.Text.Length == 0 ? "accept" : $"{c.Text} accept";
                lines.Add($"{text} comment {Quote(comment)}");
            }
        }

        private static string PlaceholderSet(AddressFamily family) => family == AddressFamily.InterNetwork ? "placeholders_v4" : "placeholders_v6";

        private void AddChain(string name, List<string> lines)
        {
            _chains[name] = lines;
            _chainOrder.Add(name);
        }

        private string Render(int podCount, Dictionary<Direction, int> isolated)
        {
            var w = new StringBuilder();
            w.Append("#!/usr/sbin/nft -f\n");
            w.Append("# netpol compile: NetworkPolicy as nftables rules, enforced on the forward hook the way a CNI's node agent does.\n");
            var scope = podCount == _cluster.Pods.Count ? Count(podCount, "pod") : $"{Count(podCount, "pod")} of {_cluster.Pods.Count}";
            w.Append(CultureInfo.InvariantCulture, $"# {scope}, {Count(_cluster.Policies.Count, "policy", "policies")}; isolated: {isolated[Direction.Ingress]} for ingress, {isolated[Direction.Egress]} for egress.\n");
            if (_cluster.HasClusterPolicies)
            {
                w.Append(CultureInfo.InvariantCulture, $"# {Count(_cluster.ClusterPolicies.Count, "cluster network policy", "cluster network policies")}: per direction the Admin tier decides first (Pass skips the rest of it), then NetworkPolicy for isolated pods, else the Baseline tier, else allow.\n");
            }

            if (_plan.Placeholders.Count > 0)
            {
                var ranges = string.Join(" and ", _plan.Placeholders.Select(a => a.AddressFamily).Distinct().Order().Select(f => f == AddressFamily.InterNetwork ? AddressPlan.PlaceholderRange4 : AddressPlan.PlaceholderRange6));
                var count = _cluster.Pods.Count(p => p.IPs.Count == 0);
                var which = _cluster.HasClusterPolicies ? "no ipBlock or networks peer" : "no ipBlock";
                w.Append(CultureInfo.InvariantCulture, $"# {Count(count, "pod")} without an IP: placeholders from {ranges}, which {which} matches.\n");
            }

            w.Append("# Load: nft -f FILE (replaces the table). Inspect: nft list table inet netpol. Find a policy: nft list ruleset | grep NAME\n");
            w.Append(CultureInfo.InvariantCulture, $"table inet {TableName}\ndelete table inet {TableName}\ntable inet {TableName} {{\n");
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var placeholders = _plan.Placeholders.Where(a => a.AddressFamily == family).Select(a => a.ToString()).ToList();
                if (placeholders.Count > 0)
                {
                    WriteSet(w, PlaceholderSet(family), family == AddressFamily.InterNetwork ? "ipv4_addr" : "ipv6_addr", "addresses of pods without an IP: selectors match them, ipBlocks never", placeholders);
                }
            }

            foreach (var (name, type, comment, elements) in _sets)
            {
                WriteSet(w, name, type, comment, elements);
            }

            foreach (var name in _chainOrder)
            {
                w.Append(CultureInfo.InvariantCulture, $"\n\tchain {name} {{\n");
                foreach (var line in _chains[name])
                {
                    w.Append(CultureInfo.InvariantCulture, $"\t\t{line}\n");
                }

                w.Append("\t}\n");
            }

            foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
            {
                foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
                {
                    WriteMap(w, DispatchMap(direction, family), family, _dispatch[direction].Where(e => e.Address.AddressFamily == family).Select(e => (e.Address, $"jump {e.Chain}")));
                }
            }

            if (_usesPass)
            {
                foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
                {
                    foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
                    {
                        WriteMap(w, PassMap(direction, family), family, _pass[direction].Where(e => e.Address.AddressFamily == family).Select(e => (e.Address, $"goto {e.Chain}")));
                    }
                }
            }

            var subjects = _cluster.HasClusterPolicies ? "pods under policy" : "isolated pods";
            WriteBaseChain(w, Direction.Egress, "filter", "saddr", subjects);
            WriteBaseChain(w, Direction.Ingress, "filter + 10", "daddr", subjects);
            w.Append("}\n");
            return w.ToString();
        }

        private static void WriteMap(StringBuilder w, string name, AddressFamily family, IEnumerable<(IPAddress Address, string Verdict)> entries)
        {
            w.Append(CultureInfo.InvariantCulture, $"\n\tmap {name} {{\n\t\ttype {(family == AddressFamily.InterNetwork ? "ipv4_addr" : "ipv6_addr")} : verdict\n");
            var list = entries.ToList();
            if (list.Count > 0)
            {
                w.Append("\t\telements = {\n");
                foreach (var (address, verdict) in list)
                {
                    w.Append(CultureInfo.InvariantCulture, $"\t\t\t{address} : {verdict},\n");
                }

                w.Append("\t\t}\n");
            }

            w.Append("\t}\n");
        }

        private static void WriteBaseChain(StringBuilder w, Direction direction, string priority, string field, string subjects)
        {
            var dir = direction == Direction.Ingress ? "ingress" : "egress";
            w.Append(CultureInfo.InvariantCulture, $"\n\tchain forward_{dir} {{\n");
            w.Append(CultureInfo.InvariantCulture, $"\t\ttype filter hook forward priority {priority}; policy accept;\n");
            w.Append(CultureInfo.InvariantCulture, $"\t\tct state established,related accept comment \"replies to allowed connections\"\n");
            w.Append(CultureInfo.InvariantCulture, $"\t\tip {field} vmap @{DispatchMap(direction, AddressFamily.InterNetwork)} comment \"{dir} of {subjects}\"\n");
            w.Append(CultureInfo.InvariantCulture, $"\t\tip6 {field} vmap @{DispatchMap(direction, AddressFamily.InterNetworkV6)} comment \"{dir} of {subjects}\"\n");
            w.Append("\t}\n");
        }

        private static string DispatchMap(Direction direction, AddressFamily family) =>
            $"{(direction == Direction.Ingress ? "ingress" : "egress")}_{(family == AddressFamily.InterNetwork ? "v4" : "v6")}";

        private static void WriteSet(StringBuilder w, string name, string type, string comment, List<string> elements)
        {
            w.Append(CultureInfo.InvariantCulture, $"\n\tset {name} {{\n\t\ttype {type}\n\t\tcomment {Quote(comment)}\n");
            if (elements.Count > 0)
            {
                w.Append(CultureInfo.InvariantCulture, $"\t\telements = {{ {string.Join(", ", elements)} }}\n");
            }

            w.Append("\t}\n");
        }
    }

    private static string Describe(PortSet ports) => ports.ToString();

    private static string Count(int n, string one, string? many = null) =>
        n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many ?? one + "s"}";

    private static string Ip(AddressFamily family) => family == AddressFamily.InterNetwork ? "ip" : "ip6";

    private static string Cidr(IPNetwork network) => network.ToString();

    private static string Quote(string text)
    {
        var clean = text.Replace('"', '\'').Replace('\\', '/');
        if (Encoding.UTF8.GetByteCount(clean) > MaxComment)
        {
            // Cut by characters first (a comment can list thousands of pods), then trim multi-byte overflow.
            clean = clean[..Math.Min(clean.Length, MaxComment - 3)];
            while (Encoding.UTF8.GetByteCount(clean) > MaxComment - 3)
            {
                clean = clean[..^1];
            }

            clean += "...";
        }

        return $"\"{clean}\"";
    }

    /// <summary>Part of an nft rule; <see cref="Family"/> is set when it only matches one address family.</summary>
    private sealed record Condition(AddressFamily? Family, string Text)
    {
        public static Condition Any(string text) => new(null, text);
    }

    /// <summary>Turns Kubernetes names into unique nft identifiers (letters, digits and underscores).</summary>
    private sealed class Names
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string Chain(string text) => Unique(Clean(text));

        public string Set(string text) => Unique("peers_" + Clean(text));

        private static string Clean(string text)
        {
            var b = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                b.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
            }

            var s = b.ToString();
            while (s.Contains("__", StringComparison.Ordinal))
            {
                s = s.Replace("__", "_", StringComparison.Ordinal);
            }

            s = s.Trim('_');
            return s.Length > 200 ? s[..200] : s;
        }

        private string Unique(string name)
        {
            var candidate = name;
            for (var i = 2; !_used.Add(candidate); i++)
            {
                candidate = $"{name}_{i}";
            }

            return candidate;
        }
    }
}
