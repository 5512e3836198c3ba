using System.Runtime.InteropServices;
using Netpol.Core;

namespace Netpol.Lab.Network;

/// <summary>
/// Runs code inside a named network namespace (<c>/run/netns/NAME</c>, as <c>ip netns add</c> creates it) on a
/// thread of its own. Sockets keep the namespace they were created in, so a socket made here sends and listens
/// inside the lab even after it is used from other threads; the calling thread's namespace is never changed.
/// </summary>
internal static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Where <c>ip netns</c> keeps its namespaces.</summary>
    public const string Directory = "/run/netns";

    /// <summary>Runs the function in the namespace and returns its result (exceptions pass through).</summary>
    public static T Run<T>(string name, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter(name);
                result = action();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        })
        {
            IsBackground = true,
            Name = $"netns {name}",
        };
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw error is NetpolException ? error : new AggregateException($"in network namespace {name}", error);
        }

        return result;
    }

    /// <summary>Writes a sysctl under <c>/proc/sys</c> of the namespace (e.g. <c>net/ipv4/ip_forward</c>).</summary>
    public static void Sysctl(string name, string key, string value) =>
        Run(name, () =>
        {
            var path = Path.Combine("/proc/sys", key);
            if (File.Exists(path))
            {
                File.WriteAllText(path, value);
            }

            return true;
        });

    private static void Enter(string name)
    {
        using var handle = File.OpenHandle(Path.Combine(Directory, name), FileMode.Open, FileAccess.Read);
        if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
        {
            throw new NetpolException($"cannot enter network namespace {name}: setns failed with errno {Marshal.GetLastPInvokeError()} (the lab needs root)");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
