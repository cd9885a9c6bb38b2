package org.anjia.registry.engine;

/**
 * A process that is a timer and nothing else (due at its variable {@code at}): the engine's history
 * says when, and on which node, it fired. For the fault tests' "every timer fires once".
 */
final class TimerProbes {

  private TimerProbes() {}

  static String bpmn(String processId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="%s-definitions" targetNamespace="anjia-test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDate>${at}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, processId);
  }
}
