from tremplin.governance.explain import _describe_output


def test_nested_outputs_read_as_french_text_not_python():
    text = _describe_output({"verdict": "review", "findings": [{"rule": "R01", "span": [3, 9]}], "ok": False})
    assert "{" not in text and "[" not in text and "'" not in text
    assert "rule : R01" in text and "span : 3, 9" in text and "ok : non" in text


def test_a_service_summary_is_used_as_is():
    assert _describe_output({"summary": "Offre à revoir : 2 constats.", "findings": []}) == "Offre à revoir : 2 constats."
