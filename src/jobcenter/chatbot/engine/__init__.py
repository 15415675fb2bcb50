"""The policy chatbot's engine: retrieval, answers, rules-engine tools, masking, evaluation. No Django imports."""
