"""Swedish date formats as Swedish authorities write them: ÅÅÅÅ-MM-DD, shown and typed (ISO 8601).

Django's own Swedish formats show "25 januari 2027" and also accept American input such as
10/11/2026; here dates are shown as 2027-01-25 and only ÅÅÅÅ-MM-DD is read. What is not set here
comes from Django's Swedish formats.
"""

DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]
