using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Cni;

/// <summary>
/// Explains connections as a network plugin enforces them. The explainer walks the profile's rewritten cluster, so
/// its rule-by-rule reasoning is the plugin's; the pair-level rules (traffic from the local node, SCTP) are not rules
/// it can see, so the verdict comes from the profile's engine and a note names the behaviour that decided. Under
/// portable this is the plain <see cref="Explainer"/>.
/// </summary>
public sealed class CniExplainer
{
    private readonly CniComparer _comparer;
    private readonly ProfiledCluster? _profiled;
    private readonly Explainer _explainer;

    /// <summary>Explains under <paramref name="profile"/>, with a comparer over it and portable (made when not given).</summary>
    public CniExplainer(Cluster cluster, CniProfile profile, CniComparer? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _comparer = comparer ?? new CniComparer(cluster, profile.IsPortable ? [profile] : [CniProfiles.Portable, profile]);
        _profiled = profile.IsPortable ? null : ((ProfiledEngine)_comparer.EngineFor(profile)).Profiled;
        _explainer = new Explainer(_profiled?.Cluster ?? cluster);
    }

    /// <summary>The profile explained under.</summary>
    public CniProfile Profile { get; }

    /// <summary>
    /// The explanation of a connection addressed to a Service port (<paramref name="servicePort"/>) that the Service
    /// translates to <paramref name="port"/> on the destination pod. Most plugins enforce after the translation, so
    /// both sides see the target port. A plugin that enforces egress before it (aws-vpc) matches the source's egress
    /// against the Service port instead, and the destination's ingress against the target port.
    /// </summary>
    public ConnectionExplanation Explain(Endpoint from, Endpoint to, int port, Protocol protocol, int? servicePort)
    {
        var e = Explain(from, to, port, protocol);
        if (!Profile.ServicePortMustEqualTargetPort || _profiled is null || servicePort is not { } sp || sp == port || e.SamePod)
        {
            return e;
        }

        var atService = Explain(from, to, sp, protocol);
        var sides = atService.Egress.Allowed && e.Ingress.Allowed ? PortSet.Of(protocol, port, port) : PortSet.Empty;
        var allowed = _profiled.Adjust(from, to, sides).Contains(port, protocol);
        var why = Profile.EvidenceFor(CniBehaviour.ServicePortMustEqualTargetPort);
        var notes = e.Notes.ToList();
        notes.Add($"{Profile.Name}: egress is matched before the Service translates port {sp} to {port}, so {from}'s egress rules were checked on port {sp}{(why is null ? string.Empty : $" ({why.Reason})")}");
        var suggestions = e.Suggestions.ToList();
        if (!atService.Egress.Allowed && e.Egress.Allowed)
        {
            suggestions.Add($"make the Service port equal the container port ({port}), or allow port {sp} in {from}'s egress: {Profile.Name} matches egress before the translation");
        }

        return e with { Egress = atService.Egress, Allowed = allowed, Notes = notes, Suggestions = suggestions };
    }

    /// <summary>The explanation of one connection under the profile; its endpoints are the ones given.</summary>
    public ConnectionExplanation Explain(Endpoint from, Endpoint to, int port, Protocol protocol)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (_profiled is null)
        {
            return _explainer.Explain(from, to, port, protocol);
        }

        var e = _explainer.Explain(_profiled.Map(from), _profiled.Map(to), port, protocol);
        var allowed = _comparer.Allowed(Profile, from, to).Contains(port, protocol);
        var notes = new List<string>();
        if (!Profile.EnforcesPolicies)
        {
            // The walk below sees no policy because the plugin applies none, not because the input has none.
            notes.Add($"{Profile.Name}: no policy of the input is applied, so no pod is isolated");
        }

        foreach (var note in e.Notes)
        {
            var hidden = new[] { from, to }.FirstOrDefault(x => x.Pod is { HostNetwork: false, IPs.Count: > 0 } pod
                && note.StartsWith($"{pod.FullName} (", StringComparison.Ordinal)
                && _profiled.Map(x).Pod!.HasNoIP);
            if (hidden is null)
            {
                notes.Add(note);
            }
            else if (Profile.EvidenceFor(CniBehaviour.IPBlockIgnoresPodIPs) is { } why)
            {
                // The rewrite took the pod's IPs away; say why rather than blame the input.
                notes.Add($"{hidden.Name}: {why.Reason}");
            }
        }

        if (e.Allowed != allowed)
        {
            var scope = PortSet.Of(protocol, port, port);
            notes.AddRange(_comparer.Reasons(Profile, from, to, scope).Select(r => $"{Profile.Name}: {r.Reason}"));
        }

        return e with { From = from, To = to, Allowed = allowed, Notes = notes };
    }
}
