namespace Speciosa.Clinical.Liver;

/// <summary>Which of CTCAE v5's two forms graded a value: multiples of ULN when the baseline was normal,
/// multiples of the patient's baseline when it was abnormal (above ULN).</summary>
public enum CtcaeForm
{
    BaselineNormal,
    BaselineAbnormal,
}
