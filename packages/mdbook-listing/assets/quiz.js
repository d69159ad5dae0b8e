// Makes each quiz that mdbook-listing renders in a figure (`.quiz`, quiz.rs: a list of questions,
// each option with its explanation, and the answer) a form the reader answers before seeing the
// output: a radio button per option, a Check button, and feedback in a live region that screen
// readers announce. The figure's checked output (`.quiz-output`) stays hidden until every
// question about it is answered, or the reader shows it. Answers are remembered in this
// browser's localStorage only, nothing is sent anywhere, and "Forget my answers" clears them.
// Without JavaScript, and in print (quiz.css), the plain list shows everything.
(function () {
    'use strict';

    const PREFIX = 'async-rust-tested.quiz.';
    // Storage can be refused (a private window, a blocked site); the quiz then just forgets.
    const storage = {
        get: function (key) {
            try {
                return window.localStorage.getItem(PREFIX + key);
            } catch (e) {
                return null;
            }
        },
        set: function (key, value) {
            try {
                window.localStorage.setItem(PREFIX + key, value);
            } catch (e) {
                // nothing to remember it in
            }
        },
        remove: function (key) {
            try {
                window.localStorage.removeItem(PREFIX + key);
            } catch (e) {
                // nothing was remembered
            }
        },
    };

    function button(text) {
        const element = document.createElement('button');
        element.type = 'button';
        element.textContent = text;
        return element;
    }

    // The content of a Markdown block that mdBook rendered as `<div class="…"><p>…</p></div>`.
    function paragraph(block) {
        return block.querySelector('p') || block;
    }

    // A copy of that content.
    function copy(block) {
        return Array.from(paragraph(block).cloneNode(true).childNodes);
    }

    function makeQuestion(item, answered) {
        const id = item.id;
        const ask = item.querySelector('.quiz-ask');
        const list = item.querySelector('.quiz-options');
        const key = item.querySelector('.quiz-key');
        const decided = item.querySelector('.quiz-decided');

        const form = document.createElement('fieldset');
        form.className = 'quiz-form';
        const legend = document.createElement('legend');
        legend.className = 'quiz-ask';
        legend.append(...paragraph(ask).childNodes);
        ask.remove();
        form.append(legend, list);
        const options = Array.from(list.querySelectorAll('.quiz-option')).map(function (option) {
            const answer = option.querySelector('.quiz-answer');
            const why = option.querySelector('.quiz-why');
            const label = document.createElement('label');
            label.className = 'quiz-choice';
            const input = document.createElement('input');
            input.type = 'radio';
            input.name = id;
            input.value = option.getAttribute('data-value');
            const text = document.createElement('span');
            text.className = 'quiz-answer';
            text.append(...paragraph(answer).childNodes);
            answer.remove();
            label.append(input, text);
            option.prepend(label);
            why.hidden = true;
            return { option: option, input: input, text: text, why: why, right: option.hasAttribute('data-right') };
        });
        const right = options.find(function (option) {
            return option.right;
        });
        const check = button('Check');
        check.className = 'quiz-check';
        const feedback = document.createElement('p');
        feedback.className = 'quiz-feedback';
        feedback.setAttribute('role', 'status');
        feedback.setAttribute('aria-live', 'polite');
        const actions = document.createElement('div');
        actions.className = 'quiz-actions';
        actions.append(check, feedback);
        // The feedback says what the answer and its "Decided by" say; the static ones stay hidden.
        for (const element of [key, decided]) if (element) element.hidden = true;
        item.prepend(form, actions);

        let done = false;
        const show = function (chosen) {
            done = true;
            item.classList.add('quiz-answered');
            for (const option of options) {
                option.why.hidden = false;
                option.option.classList.toggle('quiz-is-right', option.right);
                option.option.classList.toggle('quiz-is-chosen', option === chosen);
            }
            // The verdict, the answer and what decided it; each option's explanation now stands
            // under it.
            const verdict = document.createElement('strong');
            verdict.textContent = chosen.right ? 'Right.' : 'Not this one.';
            const parts = [verdict];
            if (!chosen.right && right) parts.push(' The answer is: ', ...copy(right.text), '.');
            if (decided) parts.push(' ', ...copy(decided));
            feedback.replaceChildren(...parts);
        };
        check.addEventListener('click', function () {
            const chosen = options.find(function (option) {
                return option.input.checked;
            });
            if (!chosen) {
                feedback.textContent = 'Choose an answer first.';
                return;
            }
            storage.set(id, chosen.input.value);
            show(chosen);
            answered();
        });
        const saved = storage.get(id);
        const remembered = options.find(function (option) {
            return option.input.value === saved;
        });
        if (remembered) {
            remembered.input.checked = true;
            show(remembered);
        }
        return {
            answered: function () {
                return done;
            },
            reset: function () {
                done = false;
                storage.remove(id);
                item.classList.remove('quiz-answered');
                for (const option of options) {
                    option.input.checked = false;
                    option.why.hidden = true;
                    option.option.classList.remove('quiz-is-right', 'quiz-is-chosen');
                }
                feedback.textContent = '';
            },
        };
    }

    // A "Show the output" control just before `output`, which `onClick` hears about; returns
    // the function that shows (true) or hides (false) the output.
    function revealControl(output, onClick) {
        const bar = document.createElement('div');
        bar.className = 'quiz-reveal';
        const toggle = button('Show the output');
        toggle.setAttribute('aria-controls', output.id);
        const show = function (shown) {
            output.classList.toggle('quiz-concealed', !shown);
            output.inert = !shown;
            toggle.setAttribute('aria-expanded', String(shown));
            toggle.textContent = shown ? 'Hide the output' : 'Show the output';
        };
        toggle.addEventListener('click', function () {
            show(output.classList.contains('quiz-concealed'));
            onClick();
        });
        bar.append(toggle);
        output.before(bar);
        return show;
    }

    function setUp(quiz) {
        const output = document.getElementById(quiz.getAttribute('data-output'));
        const questions = [];
        // Replaced by the control's once there is an output to show.
        let showOutput = function () {};
        const everyAnswered = function () {
            return questions.every(function (question) {
                return question.answered();
            });
        };
        for (const item of quiz.querySelectorAll('.quiz-question')) {
            questions.push(
                makeQuestion(item, function () {
                    if (everyAnswered()) showOutput(true);
                }),
            );
        }

        const title = quiz.querySelector('.quiz-title');
        if (title && output) {
            title.append(': answer first; the output below stays hidden until you have.');
        }
        const controls = document.createElement('div');
        controls.className = 'quiz-controls';
        const reset = button('Forget my answers');
        reset.className = 'quiz-reset';
        const status = document.createElement('p');
        status.className = 'quiz-status';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        controls.append(reset, status);
        quiz.append(controls);
        reset.addEventListener('click', function () {
            for (const question of questions) question.reset();
            showOutput(false);
            status.textContent = 'Your answers here are forgotten' + (output ? ', and the output is hidden again.' : '.');
        });

        if (output) {
            showOutput = revealControl(output, function () {
                status.textContent = '';
            });
            showOutput(everyAnswered());
        }
        quiz.classList.add('quiz-ready');
    }

    for (const quiz of document.querySelectorAll('.quiz')) setUp(quiz);
    // The output of a program the questions do not ask about, in the same figure as one they
    // do: hidden too, since it would often give the answer away, behind a control of its own.
    for (const output of document.querySelectorAll('.quiz-output.quiz-unasked')) {
        revealControl(output, function () {})(false);
    }
})();
