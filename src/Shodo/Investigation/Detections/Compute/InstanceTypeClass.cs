namespace Shodo.Investigation.Detections.Compute;

/// <summary>GPU/accelerator families and very large sizes: what cryptominers launch.</summary>
public static class InstanceTypeClass
{
    private static readonly string[] AcceleratorFamilies = ["p2", "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "g3", "g3s", "g4dn", "g4ad", "g5", "g5g", "g6", "g6e", "gr6", "inf1", "inf2", "trn1", "trn1n", "dl1", "dl2q", "f1", "vt1"];

    public static bool IsGpu(string type) => AcceleratorFamilies.Contains(type.Split('.')[0]);

    public static bool IsVeryLarge(string type)
    {
        var size = type.Split('.').ElementAtOrDefault(1) ?? "";
        if (size.StartsWith("metal", StringComparison.Ordinal)) return true;
        return size.EndsWith("xlarge", StringComparison.Ordinal) && int.TryParse(size[..^"xlarge".Length], out var n) && n >= 12;
    }
}
