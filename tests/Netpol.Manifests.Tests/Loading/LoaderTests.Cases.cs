namespace Netpol.Manifests.Tests.Loading;

public partial class LoaderTests
{
    /// <summary>A workload manifest and the synthetic pod it must become.</summary>
    public sealed record WorkloadCase(string Kind, string Yaml, string ExpectedName)
    {
        public override string ToString() => Kind;
    }

    /// <summary>The lines under <c>spec:</c> of a policy in namespace shop, and the policyTypes it must end up with.</summary>
    public sealed record PolicyTypesCase(string Name, string Spec, bool Ingress, bool Egress)
    {
        public override string ToString() => Name;
    }

    /// <summary>A file that cannot be parsed, and where its one error must point.</summary>
    public sealed record SyntaxCase(string Name, string FileName, string Text, int Line, int Column, string MessagePart)
    {
        public override string ToString() => Name;
    }

    private const string PodTemplate =
        """
        template:
          metadata:
            labels: {app: web, tier: front}
          spec:
            containers:
            - name: web
              ports:
              - {name: http, containerPort: 8080}
              - {containerPort: 53, protocol: UDP}
        """;

    public static TheoryData<SyntaxCase> MalformedFiles => new()
    {
        new SyntaxCase(
            "YAML: an unclosed flow mapping",
            "p.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web\n",
            Line: 6,
            Column: 1,
            "did not find expected ',' or '}'"),
        new SyntaxCase(
            "YAML: a key indented one space too little",
            "p.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n namespace: shop\n",
            Line: 5,
            Column: 2,
            "did not find expected key"),
        new SyntaxCase(
            "YAML: an unterminated quoted string",
            "p.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n",
            Line: 4,
            Column: 9,
            "found unexpected end of stream"),
        new SyntaxCase(
            "YAML: a broken second document after a good one",
            "p.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\nkind: [Pod\n",
            Line: 6,
            Column: 1,
            "did not find expected ',' or ']'"),
        new SyntaxCase(
            "JSON: a trailing comma",
            "p.json",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"web\",}\n}\n",
            Line: 4,
            Column: 30,
            "invalid JSON: "),
        new SyntaxCase(
            "JSON: a file cut short",
            "p.json",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"web\"\n",
            Line: 5,
            Column: 1,
            "invalid JSON: "),
        new SyntaxCase(
            "JSON: a single-quoted string",
            "p.json",
            "{\"apiVersion\": 'v1'}",
            Line: 1,
            Column: 16,
            "invalid JSON: "),
    };

    public static TheoryData<WorkloadCase> Workloads => new()
    {
        Workload("Deployment", "apps/v1", "shop/deploy/web"),
        Workload("StatefulSet", "apps/v1", "shop/sts/web"),
        Workload("DaemonSet", "apps/v1", "shop/ds/web"),
        Workload("ReplicaSet", "apps/v1", "shop/rs/web"),
        Workload("ReplicationController", "v1", "shop/rc/web"),
        Workload("Job", "batch/v1", "shop/job/web"),
        new WorkloadCase(
            "CronJob",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: web, namespace: shop}\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n"
                + Indent(PodTemplate, 6),
            "shop/cronjob/web"),
    };

    public static TheoryData<PolicyTypesCase> PolicyTypeDefaults => new()
    {
        new PolicyTypesCase("no policyTypes and no rules: Ingress only", "", Ingress: true, Egress: false),
        new PolicyTypesCase("no policyTypes and an ingress rule: Ingress only", "  ingress: [{}]\n", Ingress: true, Egress: false),
        new PolicyTypesCase("no policyTypes and an egress rule: Ingress and Egress", "  egress: [{}]\n", Ingress: true, Egress: true),
        new PolicyTypesCase("no policyTypes and egress: [] : Ingress only", "  egress: []\n", Ingress: true, Egress: false),
        new PolicyTypesCase("no policyTypes and egress: null : Ingress only", "  egress:\n", Ingress: true, Egress: false),
        new PolicyTypesCase("policyTypes: [] and an egress rule: Ingress and Egress", "  policyTypes: []\n  egress: [{}]\n", Ingress: true, Egress: true),
        new PolicyTypesCase("policyTypes: [] and no rules: Ingress only", "  policyTypes: []\n", Ingress: true, Egress: false),
        new PolicyTypesCase("policyTypes Egress: Egress only", "  policyTypes: [Egress]\n", Ingress: false, Egress: true),
        new PolicyTypesCase("policyTypes Ingress with egress rules: Ingress only", "  policyTypes: [Ingress]\n  egress: [{}]\n", Ingress: true, Egress: false),
        new PolicyTypesCase("policyTypes Ingress and Egress without rules: both", "  policyTypes: [Ingress, Egress]\n", Ingress: true, Egress: true),
    };

    private static WorkloadCase Workload(string kind, string apiVersion, string expectedName) =>
        new(
            kind,
            $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: web, namespace: shop}}\nspec:\n  selector: {{matchLabels: {{app: web}}}}\n" + Indent(PodTemplate, 2),
            expectedName);

    private static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Select(line => new string(' ', spaces) + line + "\n"));
}
