using Netpol.LiveCluster.Reading;
using YamlDotNet.RepresentationModel;

namespace Netpol.LiveCluster.Tests.Reading;

/// <summary>docs/rbac.yaml grants list on exactly what the reader lists, and nothing that writes.</summary>
public sealed class RbacManifestTests
{
    [Fact]
    public void The_cluster_role_grants_list_on_every_resource_the_reader_lists_and_only_read_verbs()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoRoot(), "docs", "rbac.yaml")))
        {
            yaml.Load(reader);
        }

        var role = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(d => d["kind"].ToString() == "ClusterRole");
        var granted = new HashSet<string>(StringComparer.Ordinal);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in ((YamlSequenceNode)role["rules"]).Cast<YamlMappingNode>())
        {
            foreach (var group in (YamlSequenceNode)rule["apiGroups"])
            {
                foreach (var resource in (YamlSequenceNode)rule["resources"])
                {
                    granted.Add($"{resource}.{group}");
                }
            }

            verbs.UnionWith(((YamlSequenceNode)rule["verbs"]).Select(v => v.ToString()));
        }

        var listed = new[] { ApiResource.Namespaces, ApiResource.Pods, ApiResource.Services, ApiResource.NetworkPolicies, ApiResource.Nodes }
            .Concat(ApiResource.ClusterPolicies.SelectMany(v => v))
            .Select(r => $"{r.Plural}.{r.Group}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(listed.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
        Assert.Equal(["list", "watch"], verbs.Order(StringComparer.Ordinal));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "netpol.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (netpol.slnx)");
    }
}
