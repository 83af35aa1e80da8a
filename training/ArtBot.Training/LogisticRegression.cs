using System.Numerics.Tensors;

namespace ArtBot.Training;

/// <summary>
/// A weighted, L2-regularised logistic regression fitted by full-batch Adam from zero weights: the same data gives the
/// same weights, so a calibration can be reproduced and reviewed.
/// </summary>
public static class LogisticRegression
{
    public static (float[] Weights, double Bias) Fit(IReadOnlyList<float[]> inputs, IReadOnlyList<bool> labels, IReadOnlyList<double> weights, double regularisation, int iterations = 400)
    {
        const double LearningRate = 0.05, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        var dimensions = inputs[0].Length;
        var parameters = new double[dimensions + 1];
        var gradient = new float[dimensions];
        var firstMoment = new double[dimensions + 1];
        var secondMoment = new double[dimensions + 1];
        var weightsAsFloats = new float[dimensions];
        var totalWeight = weights.Sum();
        for (var step = 1; step <= iterations; step++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var parameter = 0; parameter < dimensions; parameter++)
            {
                weightsAsFloats[parameter] = (float)parameters[parameter];
            }
            for (var index = 0; index < inputs.Count; index++)
            {
                var probability = Sigmoid(TensorPrimitives.Dot(weightsAsFloats, inputs[index]) + parameters[dimensions]);
                var error = (probability - (labels[index] ? 1 : 0)) * weights[index] / totalWeight;
                TensorPrimitives.MultiplyAdd(inputs[index], (float)error, gradient, gradient);
                biasGradient += error;
            }
            for (var parameter = 0; parameter <= dimensions; parameter++)
            {
                var slope = parameter < dimensions ? gradient[parameter] + regularisation * parameters[parameter] : biasGradient;
                firstMoment[parameter] = Beta1 * firstMoment[parameter] + (1 - Beta1) * slope;
                secondMoment[parameter] = Beta2 * secondMoment[parameter] + (1 - Beta2) * slope * slope;
                var corrected = firstMoment[parameter] / (1 - Math.Pow(Beta1, step));
                var scale = secondMoment[parameter] / (1 - Math.Pow(Beta2, step));
                parameters[parameter] -= LearningRate * corrected / (Math.Sqrt(scale) + Epsilon);
            }
        }
        return ([.. parameters.Take(dimensions).Select(parameter => (float)parameter)], parameters[dimensions]);
    }

    public static double Sigmoid(double value) => 1 / (1 + Math.Exp(-value));
}
