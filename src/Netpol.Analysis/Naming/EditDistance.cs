namespace Netpol.Analysis.Naming;

/// <summary>How far apart two names are: "did you mean" suggestions everywhere use this one measure.</summary>
public static class EditDistance
{
    /// <summary>
    /// Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring characters as
    /// one edit (optimal string alignment): swapped letters are the commonest typo, so <c>wbe</c> is one edit from
    /// <c>web</c> and two from <c>db</c>.
    /// </summary>
    public static int Between(string a, string b)
    {
        var before = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.Min(sub, Math.Min(prev[j] + 1, cur[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cur[j] = Math.Min(cur[j], before[j - 2] + 1);
                }
            }

            (before, prev, cur) = (prev, cur, before);
        }

        return prev[b.Length];
    }
}
