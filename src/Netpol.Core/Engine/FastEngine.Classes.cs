using Netpol.Core.Model;

namespace Netpol.Core.Engine;

public sealed partial class FastEngine
{
    private readonly Dictionary<(int Global, int Cross), int> _crossKeyIds = [];
    private readonly List<(int Global, int Cross)> _crossKeys = [];

    /// <summary>
    /// The equivalence class of a pod. Two distinct pods of one class are allowed exactly the same ports toward and
    /// from every other pod and address; only a pod's connections to itself (always every port) set it apart.
    /// </summary>
    public int ClassOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _localClassOfPod.TryGetValue(pod, out var id) ? id : Classify(pod);
    }

    /// <summary>
    /// The ports on which a pod of class <paramref name="from"/> may connect to a different pod of class
    /// <paramref name="to"/> (the classes may be equal: two replicas of one template).
    /// </summary>
    public PortSet ClassPorts(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        return _ports[Allowed(Info(from), Info(to))];
    }

    /// <summary>
    /// A class as a source of connections into other namespaces: classes with equal keys are allowed the same ports
    /// toward every pod of a namespace other than their own (what they show is their cross-namespace identity and
    /// the cross-namespace part of their egress policies).
    /// </summary>
    public int SourceKey(int localClass)
    {
        var c = _localClasses[localClass];
        return CrossKey(c.Global, c.EgressProfile == NotIsolated ? NotIsolated : _profileValues[c.EgressProfile].Cross);
    }

    /// <summary>A class as a destination of connections from other namespaces; see <see cref="SourceKey"/>.</summary>
    public int DestinationKey(int localClass)
    {
        var c = _localClasses[localClass];
        return CrossKey(c.Global, c.IngressProfile == NotIsolated ? NotIsolated : _profileValues[c.IngressProfile].Cross);
    }

    /// <summary>
    /// The ports on which a pod with source key <paramref name="sourceKey"/> may connect to a pod of another
    /// namespace with destination key <paramref name="destinationKey"/>.
    /// </summary>
    public PortSet CrossNamespacePorts(int sourceKey, int destinationKey)
    {
        var (sourceGlobal, egress) = _crossKeys[sourceKey];
        var (destinationGlobal, ingress) = _crossKeys[destinationKey];
        return _ports[Cross(sourceGlobal, egress, destinationGlobal, ingress)];
    }

    private int CrossKey(int global, int cross)
    {
        if (!_crossKeyIds.TryGetValue((global, cross), out var id))
        {
            id = _crossKeys.Count;
            _crossKeys.Add((global, cross));
            _crossKeyIds[(global, cross)] = id;
        }

        return id;
    }
}
